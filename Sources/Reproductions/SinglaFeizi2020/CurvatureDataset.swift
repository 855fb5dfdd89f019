import Datasets
import TensorModule

/// The data of the Singla & Feizi reproduction, flattened to [N, 784] in [0, 1] as the
/// authors feed their fully connected networks.
public enum CurvatureDataset: String, Sendable, Hashable, Codable, CaseIterable {
    /// The shipped 5,000-image MNIST subset (the paper: full MNIST, not available here),
    /// split stratified into training and test parts.
    case mnistSubset
    /// Full Fashion-MNIST from Debian (seeded stratified subsets of its train and test splits
    /// when smaller sizes are asked for).
    case fashionMNIST

    /// What the reports call it.
    public var title: String {
        switch self {
        case .mnistSubset: return "MNIST (shipped 5,000-image subset)"
        case .fashionMNIST: return "Fashion-MNIST"
        }
    }

    /// Training and test sets of the given sizes (stratified, seeded).
    public func load(trainingSize: Int, testSize: Int, seed: UInt64) throws -> (train: Dataset<Float>, test: Dataset<Float>) {
        switch self {
        case .mnistSubset:
            let all = try Dataset<Float>.shipped(.mnistSubset)
            precondition(trainingSize + testSize <= all.count, "the MNIST subset has \(all.count) images")
            let fractions = [Double(trainingSize), Double(testSize), Double(all.count - trainingSize - testSize)]
                .map { $0 / Double(all.count) }.filter { $0 > 0 }
            let parts = try all.stratifiedSplit(fractions: fractions, seed: seed)
            return (Self.flattened(parts[0]), Self.flattened(parts[1]))
        case .fashionMNIST:
            let train = try Dataset<Float>.fashionMNIST(split: .train).stratifiedSubset(trainingSize, seed: seed)
            let test = try Dataset<Float>.fashionMNIST(split: .test).stratifiedSubset(testSize, seed: seed)
            return (Self.flattened(train), Self.flattened(test))
        }
    }

    private static func flattened(_ data: Dataset<Float>) -> Dataset<Float> {
        var result = data
        result.inputs = data.inputs.reshaped([data.count, -1])
        return result
    }
}

import NeuralNetworks

/// The convolutional networks of Peck et al. 2017, Sec. 5.3–5.4: LeNet-5 in Caffe's layout
/// (conv 5x5 20, max pool 2, conv 5x5 50, max pool 2, dense 500 + ReLU, dense 10; no
/// non-linearity after the convolutions, as in Caffe's `lenet.prototxt`) and the LeNet-LRN
/// variants with local response normalisation after the first pooling layer (LRN1), the
/// second (LRN2) or both (LRN3).
///
/// The thesis does not give the LRN hyperparameters; Margin uses Caffe's defaults
/// (local size 5, alpha 1 divided by the window, beta 0.75, k 1).
public enum LeNetVariant: String, Codable, Sendable, CaseIterable {
    case lenet5 = "LeNet-5"
    case lrn1 = "LeNet-LRN1"
    case lrn2 = "LeNet-LRN2"
    case lrn3 = "LeNet-LRN3"

    /// After which pooling layers (1, 2) an LRN layer follows.
    public var normalisedPools: Set<Int> {
        switch self {
        case .lenet5: []
        case .lrn1: [1]
        case .lrn2: [2]
        case .lrn3: [1, 2]
        }
    }

    /// Caffe's LRN defaults.
    public static let localResponseNorm = LayerSpec.localResponseNorm(size: 5, k: 1, alpha: 1, beta: 0.75, alphaPerWindow: true)

    /// The model for images of `inputShape` [C, H, W] and `classes` classes.
    public func spec(inputShape: [Int], classes: Int = 10) -> ModelSpec {
        var layers: [LayerSpec] = [.conv2d(filters: 20, kernel: 5), .maxPool(size: 2, stride: 2)]
        if normalisedPools.contains(1) { layers.append(Self.localResponseNorm) }
        layers += [.conv2d(filters: 50, kernel: 5), .maxPool(size: 2, stride: 2)]
        if normalisedPools.contains(2) { layers.append(Self.localResponseNorm) }
        layers += [.flatten, .dense(units: 500), .activation(.relu), .dense(units: classes)]
        return ModelSpec(name: rawValue, inputShape: inputShape, layers: layers)
    }
}

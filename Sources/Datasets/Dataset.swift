import TensorModule

/// A labelled dataset held in memory: inputs stacked along the first axis (`[N, C, H, W]`
/// for images, `[N, D]` for tables) and one class label in `0..<classNames.count` per input.
public struct Dataset<Scalar: TensorScalar>: Sendable {
    /// A human-readable name, e.g. "MNIST subset (5,000)".
    public let name: String
    /// The inputs, `N` of them along axis 0.
    public var inputs: Tensor<Scalar>
    /// The class of each input.
    public var labels: [Int]
    /// The name of each class; its count is the number of classes.
    public let classNames: [String]

    /// Checks that there is one label per input and every label names a class.
    public init(name: String, inputs: Tensor<Scalar>, labels: [Int], classNames: [String]) throws {
        guard inputs.rank >= 1, inputs.shape[0] == labels.count else {
            throw DatasetError.invalidRequest(
                "Dataset \(name): \(labels.count) labels for inputs of shape \(inputs.shape); "
                    + "axis 0 must count the inputs")
        }
        if let record = labels.firstIndex(where: { !(0..<classNames.count).contains($0) }) {
            throw DatasetError.labelOutOfRange(
                path: name, record: record, label: labels[record], classCount: classNames.count)
        }
        self.name = name
        self.inputs = inputs
        self.labels = labels
        self.classNames = classNames
    }

    /// The number of inputs, N.
    public var count: Int { labels.count }

    /// The shape of one input, e.g. `[1, 28, 28]`.
    public var sampleShape: [Int] { Array(inputs.shape.dropFirst()) }

    /// How many inputs each class has, indexed by class.
    public var classCounts: [Int] {
        labels.reduce(into: [Int](repeating: 0, count: classNames.count)) { $0[$1] += 1 }
    }

    /// The inputs at `indices`, in that order, as a new dataset named `name`.
    public func subset(_ indices: [Int], name: String? = nil) -> Dataset {
        Dataset(
            validatedName: name ?? self.name,
            inputs: inputs.gatherRows(indices),
            labels: indices.map { labels[$0] },
            classNames: classNames)
    }

    /// Builds a dataset from parts already known to be consistent.
    init(validatedName name: String, inputs: Tensor<Scalar>, labels: [Int], classNames: [String]) {
        self.name = name
        self.inputs = inputs
        self.labels = labels
        self.classNames = classNames
    }
}

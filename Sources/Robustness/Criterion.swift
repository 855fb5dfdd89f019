/// When an input counts as adversarial.
public enum Criterion: Sendable, Equatable {
    /// The predicted class differs from the label.
    case misclassification(labels: [Int])
    /// The predicted class is the target.
    case targeted(targets: [Int])

    /// Whether row `row` with predicted class `predicted` meets the criterion.
    public func isAdversarial(row: Int, predicted: Int) -> Bool {
        switch self {
        case let .misclassification(labels): return predicted != labels[row]
        case let .targeted(targets): return predicted == targets[row]
        }
    }

    /// How many inputs the criterion covers.
    public var count: Int {
        switch self {
        case let .misclassification(labels): return labels.count
        case let .targeted(targets): return targets.count
        }
    }
}

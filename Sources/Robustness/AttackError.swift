/// Why an attack could not run.
public enum AttackError: Error, Equatable, CustomStringConvertible {
    /// Input `row` holds `value`, outside the classifier's `bounds`.
    case outOfBounds(row: Int, value: Double, bounds: String)
    /// The criterion holds a different number of labels or targets than there are inputs.
    case criterionSize(inputs: Int, labels: Int)
    /// The attack cannot pursue this criterion; the string says why.
    case unsupportedCriterion(String)

    /// The reason, with what to do about it.
    public var description: String {
        switch self {
        case let .outOfBounds(row, value, bounds):
            return "input \(row) holds \(value), outside the classifier's bounds \(bounds); scale the data to the model's input range"
        case let .criterionSize(inputs, labels):
            return "\(inputs) inputs but \(labels) labels or targets in the criterion; give one per input"
        case let .unsupportedCriterion(detail):
            return detail
        }
    }
}

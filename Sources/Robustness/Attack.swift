import TensorModule

/// An adversarial attack in the style of Foolbox 3: it only proposes perturbed inputs
/// (`run`); `AttackDriver.attack` checks the inputs, clips to the classifier's box, applies
/// the criterion and measures distances, the same way for every attack.
public protocol Attack {
    associatedtype Scalar: TensorScalar
    /// Raw adversarial candidates for `inputs` [N, ...] (unclipped; rows that failed may be
    /// returned unchanged or at the attack's largest step).
    func run(_ classifier: Classifier<Scalar>, inputs: Tensor<Scalar>, criterion: Criterion) throws -> Tensor<Scalar>
}

/// What an attack produced, per input.
public struct AttackResult<Scalar: TensorScalar>: Sendable {
    /// The attack's raw output.
    public var raw: Tensor<Scalar>
    /// `raw` clipped to the classifier's bounds: the adversarials that count.
    public var clipped: Tensor<Scalar>
    /// Whether each clipped input meets the criterion.
    public var success: [Bool]
    /// Distance of each clipped input from its original (infinity where the attack failed).
    public var distances: [Double]
    /// The class the classifier gives each clipped input.
    public var adversarialClasses: [Int]
}

/// Why an attack could not run.
public enum AttackError: Error, Equatable, CustomStringConvertible {
    case outOfBounds(row: Int, value: Double, bounds: String)
    case criterionSize(inputs: Int, labels: Int)
    case unsupportedCriterion(String)

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

/// The one driver every attack goes through.
public enum AttackDriver {
    public static func attack<A: Attack>(
        _ attack: A, classifier: Classifier<A.Scalar>, inputs: Tensor<A.Scalar>, criterion: Criterion,
        distance: Distance = .l2
    ) throws -> AttackResult<A.Scalar> {
        let count = inputs.shape[0]
        guard criterion.count == count else { throw AttackError.criterionSize(inputs: count, labels: criterion.count) }
        let width = inputs.count / max(count, 1)
        if let index = inputs.scalars.firstIndex(where: { !classifier.bounds.contains($0) }) {
            throw AttackError.outOfBounds(row: index / width, value: Double(inputs.scalars[index]), bounds: "\(classifier.bounds)")
        }
        let raw = try attack.run(classifier, inputs: inputs, criterion: criterion)
        let clipped = raw.map { min(max($0, classifier.bounds.lowerBound), classifier.bounds.upperBound) }
        let classes = classifier.predictions(clipped)
        let success = classes.enumerated().map { criterion.isAdversarial(row: $0, predicted: $1) }
        let distances = zip(distance.measure(clipped, inputs), success).map { $1 ? $0 : .infinity }
        return AttackResult(raw: raw, clipped: clipped, success: success, distances: distances, adversarialClasses: classes)
    }
}

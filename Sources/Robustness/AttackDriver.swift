import TensorModule

/// The one driver every attack goes through.
public enum AttackDriver {
    /// Runs `attack` on `inputs` [N, ...] and scores its output: the raw candidates are
    /// clipped to the classifier's bounds, checked against `criterion`, and measured from
    /// their originals with `distance` (default `.l2`; infinity where the attack failed).
    /// Throws `AttackError.criterionSize` when the criterion does not hold one entry per
    /// input and `AttackError.outOfBounds` when an input lies outside the bounds.
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

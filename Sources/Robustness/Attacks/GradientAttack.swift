import TensorModule

/// The gradient attack of Foolbox 1.8 (`GradientAttack`), a line search for the first
/// adversarial along the loss gradient: with d = grad_x L / RMS(grad_x L) * (upper - lower),
/// try x + eps d (clipped to the box) for eps = k / K * maxEpsilon, k = 1 ... K, and stop
/// at the first adversarial; when that is among the first `refinementSteps` epsilons, search
/// again over `refinementSteps` equal steps up to it. Etmann et al. 2019 use it with the
/// defaults (K = 1,000, maxEpsilon = 1, 20 refinement steps).
public struct GradientAttack<Scalar: TensorScalar>: Attack {
    /// K, the number of epsilons on the line search.
    public let epsilonCount: Int
    /// The largest epsilon (in units of the box's range per RMS pixel).
    public let maximumEpsilon: Double
    /// The number of finer steps when the first adversarial is among the first steps.
    public let refinementSteps: Int

    public init(epsilonCount: Int = 1000, maximumEpsilon: Double = 1, refinementSteps: Int = 20) {
        precondition(epsilonCount >= 1 && maximumEpsilon > 0 && refinementSteps >= 1,
                     "GradientAttack needs epsilonCount >= 1, maximumEpsilon > 0 and refinementSteps >= 1")
        self.epsilonCount = epsilonCount
        self.maximumEpsilon = maximumEpsilon
        self.refinementSteps = refinementSteps
    }

    public func run(_ classifier: Classifier<Scalar>, inputs: Tensor<Scalar>, criterion: Criterion) throws -> Tensor<Scalar> {
        let batch = AttackBatch(classifier, inputs: inputs, criterion: criterion)
        let rows = Array(batch.originals.indices)
        let directions = batch.lossAscent(batch.originals, rows: rows).map(batch.rmsScaled)
        func point(_ row: Int, _ epsilon: Double) -> [Double] {
            batch.clipped(zip(batch.originals[row], directions[row]).map { $0 + epsilon * $1 })
        }
        /// The first `epsilon(row, step)`, step = 1 ... steps, that is adversarial, for each row that has one.
        func firstAdversarial(_ rows: [Int], steps: Int, epsilon: (Int, Int) -> Double) -> [Int: Double] {
            var found: [Int: Double] = [:]
            var active = rows
            for step in 1...steps where !active.isEmpty {
                let candidates = active.map { point($0, epsilon($0, step)) }
                let adversarial = batch.isAdversarial(candidates, rows: active)
                for (row, isAdversarial) in zip(active, adversarial) where isAdversarial { found[row] = epsilon(row, step) }
                active = zip(active, adversarial).filter { !$1 }.map(\.0)
            }
            return found
        }
        let coarse = firstAdversarial(rows, steps: epsilonCount) { _, step in Double(step) / Double(epsilonCount) * maximumEpsilon }
        let threshold = Double(refinementSteps) / Double(epsilonCount) * maximumEpsilon
        let refine = coarse.filter { $0.value <= threshold * (1 + 1e-12) }
        let fine = firstAdversarial(Array(refine.keys).sorted(), steps: refinementSteps) { row, step in
            Double(step) / Double(refinementSteps) * refine[row]!
        }
        return batch.result(rows.map { row in (fine[row] ?? coarse[row]).map { point(row, $0) } })
    }
}

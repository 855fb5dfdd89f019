import TensorModule

/// The L2 basic iterative attack (Kurakin et al. 2016; projected gradient ascent on the
/// loss) with Foolbox 1.8's binary search on epsilon (`L2BasicIterativeAttack`):
///
///     x_{t+1} = x + P_eps(clip(x_t + s d(x_t)) - x),   d = grad L / RMS(grad L) * (upper - lower),
///
/// where P_eps scales a perturbation down to RMS norm eps (upper - lower) and the step is
/// s = eps * stepSize / epsilon. A try with eps succeeds when an iterate is adversarial
/// (returning early). The search multiplies eps by 1.5 until a try succeeds (at most
/// `searchSteps` times), then bisects `searchSteps` times between 0 and that success (as
/// Foolbox does, rather than from the last failure). The result is the closest adversarial any iterate reached.
/// Defaults are Foolbox's: epsilon 0.3, step 0.05, 10 iterations, 20 search steps.
public struct L2BasicIterativeAttack<Scalar: TensorScalar>: Attack {
    /// The first epsilon tried (RMS units times the box's range).
    public let epsilon: Double
    /// The step size at `epsilon`; tries with other epsilons scale it in proportion.
    public let stepSize: Double
    /// Gradient steps per try.
    public let iterations: Int
    /// Steps of the exponential search and of the bisection (Foolbox's k).
    public let searchSteps: Int

    public init(epsilon: Double = 0.3, stepSize: Double = 0.05, iterations: Int = 10, searchSteps: Int = 20) {
        precondition(epsilon > 0 && stepSize > 0 && iterations >= 1 && searchSteps >= 1,
                     "L2BasicIterativeAttack needs positive epsilon and stepSize, iterations >= 1 and searchSteps >= 1")
        self.epsilon = epsilon
        self.stepSize = stepSize
        self.iterations = iterations
        self.searchSteps = searchSteps
    }

    public func run(_ classifier: Classifier<Scalar>, inputs: Tensor<Scalar>, criterion: Criterion) throws -> Tensor<Scalar> {
        let batch = AttackBatch(classifier, inputs: inputs, criterion: criterion)
        let count = batch.originals.count
        var best = [(distance: Double, point: [Double])?](repeating: nil, count: count)
        /// One try per row with its epsilon; returns whether each row's try succeeded.
        func attempt(_ rows: [Int], epsilons: [Int: Double]) -> [Int: Bool] {
            var success = [Int: Bool](uniqueKeysWithValues: rows.map { ($0, false) })
            var current = [Int: [Double]](uniqueKeysWithValues: rows.map { ($0, batch.originals[$0]) })
            var active = rows
            for _ in 0..<iterations where !active.isEmpty {
                let directions = batch.lossAscent(active.map { current[$0]! }, rows: active).map(batch.rmsScaled)
                for (row, direction) in zip(active, directions) {
                    let radius = epsilons[row]!
                    let step = radius * stepSize / epsilon
                    let original = batch.originals[row]
                    var perturbation = zip(current[row]!, direction).enumerated().map { $1.0 + step * $1.1 - original[$0] }
                    let rms = max(1e-12, (perturbation.squaredNorm / Double(perturbation.count)).squareRoot())
                    let factor = min(1, radius * batch.range / rms)
                    perturbation = perturbation.map { $0 * factor }
                    current[row] = batch.clipped(zip(original, perturbation).map { $0 + $1 })
                }
                let adversarial = batch.isAdversarial(active.map { current[$0]! }, rows: active)
                for (row, isAdversarial) in zip(active, adversarial) where isAdversarial {
                    success[row] = true
                    let distance = current[row]!.euclideanDistance(to: batch.originals[row])
                    if distance < best[row]?.distance ?? .infinity { best[row] = (distance, current[row]!) }
                }
                active = zip(active, adversarial).filter { !$1 }.map(\.0)
            }
            return success
        }
        var epsilons = [Int: Double](uniqueKeysWithValues: (0..<count).map { ($0, epsilon) })
        var searching = Array(0..<count)
        var good: [Int: Double] = [:]
        for _ in 0..<searchSteps where !searching.isEmpty {
            let success = attempt(searching, epsilons: epsilons)
            for row in searching where success[row]! { good[row] = epsilons[row]! }
            searching = searching.filter { !success[$0]! }
            for row in searching { epsilons[row]! *= 1.5 }
        }
        var bad = [Int: Double](uniqueKeysWithValues: good.keys.map { ($0, 0) })
        let bisecting = good.keys.sorted()
        for _ in 0..<searchSteps where !bisecting.isEmpty {
            let middles = Dictionary(uniqueKeysWithValues: bisecting.map { ($0, (good[$0]! + bad[$0]!) / 2) })
            let success = attempt(bisecting, epsilons: middles)
            for row in bisecting {
                if success[row]! { good[row] = middles[row]! } else { bad[row] = middles[row]! }
            }
        }
        return batch.result(best.map { $0?.point })
    }
}

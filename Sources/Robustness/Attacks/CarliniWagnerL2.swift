import Autodiff
import Foundation
import TensorModule

/// The Carlini–Wagner L2 attack (Carlini & Wagner 2017) as Foolbox 1.8 runs it
/// (`CarliniWagnerL2Attack`). In the tanh box x(w) = (tanh(w) + 1)/2 (upper - lower) + lower,
/// Adam minimises
///
///     ||x(w) - x0||^2 / (upper - lower)^2 + c max(Z_i(x(w)) - Z_j(x(w)) + kappa, 0)
///
/// from w0 = artanh(0.999999 (2 (x0 - lower)/(upper - lower) - 1)), with (i, j) = (label,
/// best other class) untargeted or (best other class, target) targeted. A binary search
/// over c follows each of `binarySearchSteps` runs: c is multiplied by 10 until a run finds
/// an adversarial, then bisected; with 10 or more steps the last run uses the smallest c
/// that succeeded. A run stops early when the loss, checked every tenth of
/// `maximumIterations`, fell by less than 0.01%. The result is the closest adversarial
/// iterate. Defaults are Foolbox's: 5 search steps, 1,000 iterations, learning rate 5e-3,
/// initial constant 1e-2, kappa 0.
public struct CarliniWagnerL2<Scalar: TensorScalar>: Attack {
    public let binarySearchSteps: Int
    public let maximumIterations: Int
    public let learningRate: Double
    public let initialConstant: Double
    /// kappa, the margin the adversarial class must win by.
    public let confidence: Double

    public init(binarySearchSteps: Int = 5, maximumIterations: Int = 1000, learningRate: Double = 5e-3,
                initialConstant: Double = 1e-2, confidence: Double = 0) {
        precondition(binarySearchSteps >= 1 && maximumIterations >= 1 && learningRate > 0 && initialConstant > 0 && confidence >= 0,
                     "CarliniWagnerL2 needs at least one search step and iteration, positive learning rate and constant, kappa >= 0")
        self.binarySearchSteps = binarySearchSteps
        self.maximumIterations = maximumIterations
        self.learningRate = learningRate
        self.initialConstant = initialConstant
        self.confidence = confidence
    }

    public func run(_ classifier: Classifier<Scalar>, inputs: Tensor<Scalar>, criterion: Criterion) throws -> Tensor<Scalar> {
        let batch = AttackBatch(classifier, inputs: inputs, criterion: criterion)
        let count = batch.originals.count
        let (half, middle) = (batch.range / 2, (batch.upper + batch.lower) / 2)
        let start = batch.originals.map { $0.map { atanh(0.999999 * ($0 - middle) / half) } }
        let reconstructed = start.map { $0.map { tanh($0) * half + middle } }
        var best = [(distance: Double, point: [Double])?](repeating: nil, count: count)
        var constants = [Double](repeating: initialConstant, count: count)
        var (lowerConstant, upperConstant) = ([Double](repeating: 0, count: count), [Double](repeating: .infinity, count: count))
        let checkEvery = Int((Double(maximumIterations) / 10).rounded(.up))
        for searchStep in 0..<binarySearchSteps {
            if searchStep == binarySearchSteps - 1, binarySearchSteps >= 10 {
                for row in 0..<count where upperConstant[row].isFinite { constants[row] = upperConstant[row] }
            }
            var w = start
            var (firstMoment, secondMoment) = (start.map { $0.map { _ in 0.0 } }, start.map { $0.map { _ in 0.0 } })
            var found = [Bool](repeating: false, count: count)
            var previousLoss = [Double](repeating: .infinity, count: count)
            var active = Array(0..<count)
            for iteration in 0..<maximumIterations where !active.isEmpty {
                let points = active.map { row in w[row].map { tanh($0) * half + middle } }
                let x = Variable(batch.tensor(points), requiresGradient: true)
                let logits = classifier.forward(x)
                let classes = logits.shape[1]
                var seed = Tensor<Scalar>(repeating: 0, shape: logits.shape)
                var losses = [Double](repeating: 0, count: active.count)
                for (index, row) in active.enumerated() {
                    let scores = (0..<classes).map { Double(logits.value.scalars[index * classes + $0]) }
                    let (minimised, maximised) = pair(scores, row: row, criterion: criterion)
                    let hinge = max(0, scores[minimised] - scores[maximised] + confidence)
                    losses[index] = zip(points[index], reconstructed[row]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                        / (batch.range * batch.range) + constants[row] * hinge
                    if hinge > 0 {
                        seed.scalars[index * classes + minimised] = Scalar(constants[row])
                        seed.scalars[index * classes + maximised] = Scalar(-constants[row])
                    }
                    let predicted = scores.indices.max { scores[$0] < scores[$1] }!
                    if criterion.isAdversarial(row: row, predicted: predicted) {
                        found[row] = true
                        let distance = points[index].euclideanDistance(to: batch.originals[row])
                        if distance < best[row]?.distance ?? .infinity { best[row] = (distance, points[index]) }
                    }
                }
                let marginGradient = gradient(of: logits, wrt: [x], seed: seed)[0].value
                let width = marginGradient.count / active.count
                let t = Double(iteration + 1)
                for (index, row) in active.enumerated() {
                    for i in 0..<width {
                        let tanhW = (points[index][i] - middle) / half
                        let dLdx = 2 * (points[index][i] - reconstructed[row][i]) / (batch.range * batch.range)
                            + Double(marginGradient.scalars[index * width + i])
                        let g = dLdx * (1 - tanhW * tanhW) * half
                        firstMoment[row][i] = 0.9 * firstMoment[row][i] + 0.1 * g
                        secondMoment[row][i] = 0.999 * secondMoment[row][i] + 0.001 * g * g
                        let mHat = firstMoment[row][i] / (1 - pow(0.9, t))
                        let vHat = secondMoment[row][i] / (1 - pow(0.999, t))
                        w[row][i] -= learningRate * mHat / (vHat.squareRoot() + 1e-8)
                    }
                }
                if iteration % checkEvery == 0 {
                    var stillImproving: [Int] = []
                    for (index, row) in active.enumerated() where losses[index] <= 0.9999 * previousLoss[row] {
                        previousLoss[row] = losses[index]
                        stillImproving.append(row)
                    }
                    active = stillImproving
                }
            }
            for row in 0..<count {
                if found[row] { upperConstant[row] = constants[row] } else { lowerConstant[row] = constants[row] }
                constants[row] = upperConstant[row] == .infinity ? constants[row] * 10 : (lowerConstant[row] + upperConstant[row]) / 2
            }
        }
        return batch.result(best.map { $0?.point })
    }

    /// (i, j) of the margin Z_i - Z_j the attack drives below -kappa.
    private func pair(_ scores: [Double], row: Int, criterion: Criterion) -> (Int, Int) {
        func bestOther(than excluded: Int) -> Int {
            scores.indices.filter { $0 != excluded }.max { scores[$0] < scores[$1] }!
        }
        switch criterion {
        case let .misclassification(labels): return (labels[row], bestOther(than: labels[row]))
        case let .targeted(targets): return (bestOther(than: targets[row]), targets[row])
        }
    }
}

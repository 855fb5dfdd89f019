import Autodiff
import TensorModule

/// DeepFool with the L2 norm (Moosavi-Dezfooli, Fawzi & Frossard 2016): linearise every
/// logit difference f_k = Psi^k - Psi^{i*} at the current point, step onto the nearest
/// linearised boundary, r = |f_l| / ||w_l||^2 w_l with l = argmin_k |f_k| / ||w_k|| and
/// w_k = grad f_k, and repeat until the class changes; the total perturbation is scaled by
/// 1 + overshoot. On a linear classifier one step reaches the exact minimal perturbation.
public struct DeepFool<Scalar: TensorScalar>: Attack {
    public let maximumIterations: Int
    public let overshoot: Double

    public init(maximumIterations: Int = 50, overshoot: Double = 0.02) {
        self.maximumIterations = maximumIterations
        self.overshoot = overshoot
    }

    public func run(_ classifier: Classifier<Scalar>, inputs: Tensor<Scalar>, criterion: Criterion) throws -> Tensor<Scalar> {
        guard case let .misclassification(labels) = criterion else {
            throw AttackError.unsupportedCriterion("DeepFool looks for the nearest other class; use a misclassification criterion")
        }
        let (count, width) = (inputs.shape[0], inputs.count / max(inputs.shape[0], 1))
        var perturbation = [Double](repeating: 0, count: inputs.count)
        var active = Array(0..<count)
        for _ in 0..<maximumIterations where !active.isEmpty {
            let current = Tensor<Scalar>(shape: inputs.shape, scalars: zip(inputs.scalars, perturbation).map { $0 + Scalar((1 + overshoot) * $1) })
            let x = Variable(current, requiresGradient: true)
            let logits = classifier.forward(x)
            let classes = logits.shape[1]
            let predictions = logits.value.argmaxRows()
            active = active.filter { predictions[$0] == labels[$0] }
            guard !active.isEmpty else { break }
            let gradients = jacobianRows(of: logits, wrt: x)
            for row in active {
                let own = labels[row]
                let range = (row * width)..<((row + 1) * width)
                var best = (distance: Double.infinity, scale: 0.0, direction: [Double]())
                for k in 0..<classes where k != own {
                    let w = range.map { Double(gradients[k].scalars[$0] - gradients[own].scalars[$0]) }
                    let f = Double(logits.value.scalars[row * classes + k] - logits.value.scalars[row * classes + own])
                    let squaredNorm = w.squaredNorm
                    guard squaredNorm > 0 else { continue }
                    let distance = abs(f) / squaredNorm.squareRoot()
                    if distance < best.distance { best = (distance, abs(f) / squaredNorm, w) }
                }
                for (offset, index) in range.enumerated() where !best.direction.isEmpty {
                    perturbation[index] += best.scale * best.direction[offset]
                }
            }
        }
        return Tensor(shape: inputs.shape, scalars: zip(inputs.scalars, perturbation).map { $0 + Scalar((1 + overshoot) * $1) })
    }
}

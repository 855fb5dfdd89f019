import Autodiff
import NeuralNetworks
import TensorModule

/// A = sup |g'| and B = sup |g''| of an activation g (Peck et al. 2017, Table 4.1), computed
/// by evaluating both derivatives with autodiff (second order) on a fine grid over [-40, 40],
/// which holds the suprema of the smooth activations (softplus' tends to 1 only as x -> inf;
/// at 40 it is 1 to double precision), and refining around the best grid point.
///
/// ReLU has g'' = 0 almost everywhere; like the thesis (Sec. 4.2), Margin uses B = 1 for
/// ReLU so that Algorithm 4.1's M does not vanish. The thesis prints B = 0.3849 for tanh,
/// half the true sup |tanh''| = 4 / (3 sqrt 3) = 0.7698 computed here (see
/// ../shared/papers/README.md); sigmoid's 1 / (6 sqrt 3) = 0.0962 and softplus's 1/4 agree.
public struct ActivationDerivativeBounds: Sendable, Equatable {
    /// sup |g'(x)|.
    public let first: Double
    /// sup |g''(x)| (1 for ReLU by convention).
    public let second: Double

    public init(first: Double, second: Double) {
        self.first = first
        self.second = second
    }

    /// The bounds of `activation`, computed once per process.
    public static func of(_ activation: Activation) -> ActivationDerivativeBounds {
        computed[activation]!
    }

    private static let computed: [Activation: ActivationDerivativeBounds] = Dictionary(
        uniqueKeysWithValues: Activation.allCases.map { ($0, compute($0)) })

    private static func compute(_ activation: Activation) -> ActivationDerivativeBounds {
        if activation == .relu || activation == .leakyReLU { return ActivationDerivativeBounds(first: 1, second: 1) }
        func supremum(step: Double, around center: Double, halfWidth: Double) -> (first: (Double, Double), second: (Double, Double)) {
            let points = stride(from: center - halfWidth, through: center + halfWidth, by: step).map { $0 }
            let x = Variable(Tensor<Double>(shape: [points.count], scalars: points), requiresGradient: true)
            let y: Variable<Double>
            switch activation {
            case .sigmoid: y = x.sigmoid()
            case .tanh: y = x.tanh()
            case .softplus: y = x.softplus()
            case .relu, .leakyReLU: y = x.relu()
            }
            let firstDerivative = gradient(of: y.sum(), wrt: [x], createGraph: true)[0]
            let secondDerivative = gradient(of: firstDerivative.sum(), wrt: [x])[0].value
            func best(_ values: [Double]) -> (Double, Double) {
                let index = values.indices.max { abs(values[$0]) < abs(values[$1]) }!
                return (abs(values[index]), points[index])
            }
            return (best(firstDerivative.value.scalars), best(secondDerivative.scalars))
        }
        let coarse = supremum(step: 1e-3, around: 0, halfWidth: 40)
        let fineFirst = supremum(step: 1e-7, around: coarse.first.1, halfWidth: 2e-3).first
        let fineSecond = supremum(step: 1e-7, around: coarse.second.1, halfWidth: 2e-3).second
        return ActivationDerivativeBounds(first: fineFirst.0, second: fineSecond.0)
    }
}

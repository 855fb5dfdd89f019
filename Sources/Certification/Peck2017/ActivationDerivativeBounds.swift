import NeuralNetworks
import TensorModule

/// A = sup |g'| and B = sup |g''| of an activation g (Peck et al. 2017, Table 4.1), and the
/// signed extremes h_L <= g'' <= h_U (Singla & Feizi 2020, App. F), computed by evaluating both
/// derivatives (`Activation.derivatives`, second-order autodiff) on a fine grid over [-40, 40],
/// which holds the suprema of the smooth activations (softplus' tends to 1 only as x -> inf;
/// at 40 it is 1 to double precision), and refining around the best grid point.
///
/// ReLU has g'' = 0 almost everywhere; like the thesis (Sec. 4.2), Margin uses B = 1 for
/// ReLU so that Algorithm 4.1's M does not vanish. The thesis prints B = 0.3849 for tanh,
/// half the true sup |tanh''| = 4 / (3 sqrt 3) = 0.7698 computed here (see docs/papers.md,
/// Peck et al. 2017); sigmoid's 1 / (6 sqrt 3) = 0.0962 and softplus's 1/4 agree.
public struct ActivationDerivativeBounds: Sendable, Equatable {
    /// sup |g'(x)|.
    public let first: Double
    /// sup |g''(x)| (1 for ReLU by convention).
    public let second: Double
    /// inf g''(x), Singla & Feizi's h_L (-1 for ReLU by the same convention).
    public let secondLower: Double
    /// sup g''(x), Singla & Feizi's h_U (1 for ReLU by the same convention).
    public let secondUpper: Double
    /// Where g'' attains `secondLower` and `secondUpper` (to 1e-7; the grid's end, +-40, when
    /// the extreme is only approached at infinity): with the ends of an interval, the points
    /// where g'' can be extreme on it (Singla & Feizi's local bounds, Sec. 7.4).
    public let secondLowerAt: Double, secondUpperAt: Double

    /// Bounds with the given suprema; the signed extremes default to -second and second, at 0.
    public init(first: Double, second: Double, secondLower: Double? = nil, secondUpper: Double? = nil,
                secondLowerAt: Double = 0, secondUpperAt: Double = 0) {
        self.first = first
        self.second = second
        self.secondLower = secondLower ?? -second
        self.secondUpper = secondUpper ?? second
        self.secondLowerAt = secondLowerAt
        self.secondUpperAt = secondUpperAt
    }

    /// The bounds of `activation`, computed once per process.
    public static func of(_ activation: Activation) -> ActivationDerivativeBounds {
        computed[activation]!
    }

    private static let computed: [Activation: ActivationDerivativeBounds] = Dictionary(
        uniqueKeysWithValues: Activation.allCases.map { ($0, compute($0)) })

    private static func compute(_ activation: Activation) -> ActivationDerivativeBounds {
        if activation.negativeSlope != nil { return ActivationDerivativeBounds(first: 1, second: 1) }
        func supremum(step: Double, around center: Double, halfWidth: Double)
            -> (first: (Double, Double), second: (Double, Double), lower: (Double, Double), upper: (Double, Double)) {
            let points = stride(from: center - halfWidth, through: center + halfWidth, by: step).map { $0 }
            let derivatives = activation.derivatives(Tensor<Double>(shape: [points.count], scalars: points))
            func best(_ values: [Double], by key: (Double) -> Double) -> (Double, Double) {
                let index = values.indices.max { key(values[$0]) < key(values[$1]) }!
                return (key(values[index]), points[index])
            }
            let second = derivatives.second.scalars
            return (best(derivatives.first.scalars, by: abs), best(second, by: abs), best(second, by: -), best(second, by: { $0 }))
        }
        let coarse = supremum(step: 1e-3, around: 0, halfWidth: 40)
        let fine = { (center: Double) in supremum(step: 1e-7, around: center, halfWidth: 2e-3) }
        let (lower, upper) = (fine(coarse.lower.1).lower, fine(coarse.upper.1).upper)
        return ActivationDerivativeBounds(first: fine(coarse.first.1).first.0, second: fine(coarse.second.1).second.0,
                                          secondLower: -lower.0, secondUpper: upper.0, secondLowerAt: lower.1, secondUpperAt: upper.1)
    }
}

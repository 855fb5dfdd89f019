import Autodiff
import TensorModule

/// The worst disagreement between autodiff and central finite differences, as
/// max |autodiff - numeric| / max(1, |numeric|) over every component.
public struct GradientCheck: Sendable, CustomStringConvertible {
    public let firstOrderError: Double
    public let secondOrderError: Double
    public var description: String {
        "first-order error \(firstOrderError), second-order error \(secondOrderError)"
    }
}

/// Checks the gradient of the scalar `function` of several tensors at `points` against
/// central differences (step `step`), and its second order: the Hessian-vector product from
/// double backpropagation, H v = d/dx <grad f, v>, against the central difference
/// (grad f(x + h v) - grad f(x - h v)) / 2h of autodiff gradients, along a fixed direction
/// v (seeded). Float64 throughout.
public func checkGradient(
    _ function: ([Variable<Double>]) -> Variable<Double>, at points: [Tensor<Double>],
    step: Double = 1e-5, seed: UInt64 = 17
) -> GradientCheck {
    func value(_ tensors: [Tensor<Double>]) -> Double { function(tensors.map { Variable($0) }).value.scalars[0] }
    func autodiffGradient(_ tensors: [Tensor<Double>]) -> [Tensor<Double>] {
        let variables = tensors.map { Variable($0, requiresGradient: true) }
        return gradient(of: function(variables), wrt: variables).map(\.value)
    }
    let analytic = autodiffGradient(points)
    var firstError = 0.0
    for (input, point) in points.enumerated() {
        for index in 0..<point.count {
            var plus = points, minus = points
            plus[input].scalars[index] += step
            minus[input].scalars[index] -= step
            let numeric = (value(plus) - value(minus)) / (2 * step)
            firstError = max(firstError, Swift.abs(analytic[input].scalars[index] - numeric) / max(1, Swift.abs(numeric)))
        }
    }

    var generator = SeededGenerator(seed: seed)
    let direction = points.map { Tensor<Double>.randomNormal(shape: $0.shape, using: &generator) }
    let variables = points.map { Variable($0, requiresGradient: true) }
    let firstOrder = gradient(of: function(variables), wrt: variables, createGraph: true)
    let directional = zip(firstOrder, direction).map { ($0 * Variable($1)).sum() }.reduce(Variable(Tensor(0.0)), +)
    let hessianVector = gradient(of: directional, wrt: variables).map(\.value)
    let forward = autodiffGradient(zip(points, direction).map { $0 + $1 * step })
    let backward = autodiffGradient(zip(points, direction).map { $0 + $1 * -step })
    var secondError = 0.0
    for input in points.indices {
        for index in 0..<points[input].count {
            let numeric = (forward[input].scalars[index] - backward[input].scalars[index]) / (2 * step)
            secondError = max(secondError,
                              Swift.abs(hessianVector[input].scalars[index] - numeric) / max(1, Swift.abs(numeric)))
        }
    }
    return GradientCheck(firstOrderError: firstError, secondOrderError: secondError)
}

/// max |a - b| / max(1, |b|) over the elements of two tensors of one shape.
public func relativeError<Scalar: TensorScalar>(_ a: Tensor<Scalar>, _ b: Tensor<Scalar>) -> Double {
    precondition(a.shape == b.shape, "relativeError: shapes \(a.shape) and \(b.shape) differ")
    return zip(a.scalars, b.scalars).reduce(0) { worst, pair in
        max(worst, Double(Swift.abs(pair.0 - pair.1)) / max(1, Double(Swift.abs(pair.1))))
    }
}

import Autodiff
import Foundation
import TensorModule

/// Every evaluation of an activation sigma, in one place: the differentiable value on a variable,
/// sigma' and sigma'' on a tensor, and sigma and sigma' of a scalar (for bounds computed neuron by
/// neuron, such as CROWN's linear relaxation). A layer, bound or certificate that applies an
/// activation calls these rather than switching over the cases itself.
extension Activation {
    /// The slope of `leakyReLU` below 0: 0.01 (PyTorch's default).
    public static let leakySlope = 0.01

    /// The slope below 0 of a piecewise-linear activation (0 for ReLU, `leakySlope` for leaky
    /// ReLU; both have slope 1 above 0), or nil for a smooth one.
    public var negativeSlope: Double? {
        switch self {
        case .relu: 0
        case .leakyReLU: Self.leakySlope
        case .sigmoid, .tanh, .softplus: nil
        }
    }

    /// sigma(x) elementwise, differentiable to any order (ReLU's and leaky ReLU's second
    /// derivative is 0).
    public func apply<Scalar: TensorScalar>(_ x: Variable<Scalar>) -> Variable<Scalar> {
        switch self {
        case .relu: x.relu()
        case .leakyReLU: x.leakyRelu(slope: Scalar(Self.leakySlope))
        case .sigmoid: x.sigmoid()
        case .tanh: x.tanh()
        case .softplus: x.softplus()
        }
    }

    /// sigma'(z) and sigma''(z) elementwise, by second-order autodiff of `apply(_:)`, in the
    /// precision of `z`.
    public func derivatives<Scalar: TensorScalar>(_ z: Tensor<Scalar>) -> (first: Tensor<Scalar>, second: Tensor<Scalar>) {
        let variable = Variable(z, requiresGradient: true)
        let first = gradient(of: apply(variable).sum(), wrt: [variable], createGraph: true)[0]
        return (first.value, gradient(of: first.sum(), wrt: [variable])[0].value)
    }

    /// sigma(z) of one Double: 1 / (1 + e^-z), tanh z, log1p(e^z) (z itself above 30, where the
    /// two agree to double precision), max(z, 0), or z for z > 0 and `leakySlope` z otherwise.
    public func value(_ z: Double) -> Double {
        switch self {
        case .sigmoid: 1 / (1 + Foundation.exp(-z))
        case .tanh: Foundation.tanh(z)
        case .softplus: z > 30 ? z : Foundation.log1p(Foundation.exp(z))
        case .relu: max(z, 0)
        case .leakyReLU: z > 0 ? z : Self.leakySlope * z
        }
    }

    /// sigma'(z) of one Double: s (1 - s) with s the sigmoid, 1 - tanh^2 z, the sigmoid (for
    /// softplus), or 1 for z > 0 and `negativeSlope` otherwise (ReLU and leaky ReLU; the left
    /// derivative at 0).
    public func derivative(_ z: Double) -> Double {
        switch self {
        case .sigmoid: let s = 1 / (1 + Foundation.exp(-z)); return s * (1 - s)
        case .tanh: let t = Foundation.tanh(z); return 1 - t * t
        case .softplus: return 1 / (1 + Foundation.exp(-z))
        case .relu: return z > 0 ? 1 : 0
        case .leakyReLU: return z > 0 ? 1 : Self.leakySlope
        }
    }
}

import Autodiff
import TensorModule

/// A parameter-free layer applied elementwise or by reshaping: activations, leaky ReLU, flatten.
public final class PointwiseLayer<Scalar: TensorScalar>: Layer {
    public let spec: LayerSpec

    public init(_ spec: LayerSpec) {
        switch spec {
        case .activation, .leakyReLU, .flatten: self.spec = spec
        default: preconditionFailure("PointwiseLayer cannot be \(spec)")
        }
    }

    public func forward(_ input: Variable<Scalar>, context: ForwardContext) -> Variable<Scalar> {
        switch spec {
        case let .activation(function): return function.apply(input)
        case let .leakyReLU(slope): return input.leakyRelu(slope: Scalar(slope))
        case .flatten: return input.reshaped([input.shape[0], -1])
        default: preconditionFailure("PointwiseLayer cannot be \(spec)")
        }
    }
}

import Autodiff
import TensorModule

/// A fully connected layer, y = x W + b, with W of shape [inputs, units].
public final class Dense<Scalar: TensorScalar>: Layer {
    public let weight: Parameter<Scalar>
    public let bias: Parameter<Scalar>?
    public var spec: LayerSpec { .dense(units: weight.value.shape[1], bias: bias != nil) }
    public var parameters: [Parameter<Scalar>] { [weight] + (bias.map { [$0] } ?? []) }

    /// A layer with the given weights ([inputs, units]) and optional bias ([units]).
    public init(weight: Parameter<Scalar>, bias: Parameter<Scalar>?) {
        self.weight = weight
        self.bias = bias
    }

    public func forward(_ input: Variable<Scalar>, context: ForwardContext) -> Variable<Scalar> {
        let product = input.matmul(weight.variable)
        return bias.map { product + $0.variable } ?? product
    }
}

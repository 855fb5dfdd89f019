import Autodiff
import TensorModule

/// A 2-D convolution over NCHW batches with filters [O, C, K, K] and a bias per output channel.
public final class Conv2D<Scalar: TensorScalar>: Layer {
    public let filter: Parameter<Scalar>
    public let bias: Parameter<Scalar>?
    public let stride: Int
    public let padding: Padding
    public var spec: LayerSpec {
        .conv2d(filters: filter.value.shape[0], kernel: filter.value.shape[2], stride: stride, padding: padding,
                bias: bias != nil)
    }
    public var parameters: [Parameter<Scalar>] { [filter] + (bias.map { [$0] } ?? []) }

    public init(filter: Parameter<Scalar>, bias: Parameter<Scalar>?, stride: Int, padding: Padding) {
        self.filter = filter
        self.bias = bias
        self.stride = stride
        self.padding = padding
    }

    public func forward(_ input: Variable<Scalar>, context: ForwardContext) -> Variable<Scalar> {
        let output = input.conv2d(filter.variable, stride: stride, padding: padding)
        guard let bias else { return output }
        return output + bias.variable.reshaped([1, -1, 1, 1])
    }
}

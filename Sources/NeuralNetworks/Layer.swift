import Autodiff
import TensorModule

/// One stage of a Sequential model: a differentiable map of a batch, with its parameters.
public protocol Layer<Scalar>: AnyObject {
    associatedtype Scalar: TensorScalar
    /// The layer as written in a `ModelSpec`.
    var spec: LayerSpec { get }
    /// The trainable tensors (weights first, then biases), possibly none.
    var parameters: [Parameter<Scalar>] { get }
    /// Non-trainable state saved in checkpoints (batch norm's running statistics).
    var buffers: [Parameter<Scalar>] { get }
    /// The layer applied to a batch.
    func forward(_ input: Variable<Scalar>, context: ForwardContext) -> Variable<Scalar>
}

extension Layer {
    public var parameters: [Parameter<Scalar>] { [] }
    public var buffers: [Parameter<Scalar>] { [] }
}

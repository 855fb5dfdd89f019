import TensorModule

/// Updates parameters from their gradients, one step per batch.
public protocol Optimizer<Scalar>: AnyObject {
    associatedtype Scalar: TensorScalar
    /// The learning rate of the next step (schedules change it between epochs).
    var learningRate: Double { get set }
    /// Applies one update; `gradients[i]` belongs to `parameters[i]`.
    func step(_ parameters: [Parameter<Scalar>], gradients: [Tensor<Scalar>])
}

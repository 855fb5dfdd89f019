import Autodiff
import TensorModule

/// A trainable tensor of a layer (a weight or a bias) and the variable that stands for it in
/// the current forward pass.
///
/// `bind(requiresGradient:)` makes a fresh leaf variable from the value, so a gradient can
/// be taken with respect to it (`gradient(of: loss, wrt: model.parameters.map(\.variable))`);
/// optimizers then change `value`.
public final class Parameter<Scalar: TensorScalar>: @unchecked Sendable {
    /// The name in checkpoints, e.g. "layers.0.weight".
    public let name: String
    /// The current value.
    public var value: Tensor<Scalar> {
        didSet { variable = Variable(value, requiresGradient: variable.isTracked) }
    }
    /// The leaf variable of the current forward pass.
    public private(set) var variable: Variable<Scalar>

    public init(name: String, value: Tensor<Scalar>) {
        self.name = name
        self.value = value
        self.variable = Variable(value)
    }

    /// Uses `variable` (same shape) for this parameter in the next forward pass, e.g. a
    /// variable built from other variables, so gradients flow through it.
    public func bind(_ variable: Variable<Scalar>) {
        precondition(variable.shape == value.shape, "parameter \(name) has shape \(value.shape), got \(variable.shape)")
        self.variable = variable
    }

    /// Makes a fresh leaf for the next forward pass.
    public func bind(requiresGradient: Bool) {
        variable = Variable(value, requiresGradient: requiresGradient)
    }
}

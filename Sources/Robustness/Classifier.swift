import Autodiff
import NeuralNetworks
import TensorModule

/// What attacks and metrics see of a model: batched logits of inputs in a box, and input
/// gradients through the same forward pass (inference mode).
public struct Classifier<Scalar: TensorScalar>: Sendable {
    /// The model's logits of a batch, differentiable in the input.
    public let forward: @Sendable (Variable<Scalar>) -> Variable<Scalar>
    /// The valid input range, e.g. 0...1 or 0...255 (attacks clip to it).
    public let bounds: ClosedRange<Scalar>

    public init(bounds: ClosedRange<Scalar>, forward: @escaping @Sendable (Variable<Scalar>) -> Variable<Scalar>) {
        self.bounds = bounds
        self.forward = forward
    }

    /// A Sequential model in inference mode (parameters held constant).
    public init(_ model: Sequential<Scalar>, bounds: ClosedRange<Scalar>) {
        model.bindParameters(requiresGradient: false)
        self.init(bounds: bounds) { model.forward($0) }
    }

    /// Logits [N, K] of inputs [N, ...].
    public func logits(_ inputs: Tensor<Scalar>) -> Tensor<Scalar> { forward(Variable(inputs)).value }

    /// The predicted class of each input.
    public func predictions(_ inputs: Tensor<Scalar>) -> [Int] { logits(inputs).argmaxRows() }

    /// d/dx of the summed cross-entropy of each input against `labels` (so row n holds the
    /// gradient of example n's loss).
    public func lossGradient(_ inputs: Tensor<Scalar>, labels: [Int]) -> Tensor<Scalar> {
        let x = Variable(inputs, requiresGradient: true)
        let loss = Loss.crossEntropy(logits: forward(x), labels: labels) * Scalar(labels.count)
        return gradient(of: loss, wrt: [x])[0].value
    }
}

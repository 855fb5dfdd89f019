import Autodiff
import TensorModule

/// Double backpropagation (Drucker & LeCun 1992) as Etmann et al. 2019 train with it:
///
///     L(x, y) + lambda * (1/B) sum_n || d Lbar / d x_n ||^2,   Lbar = (1/B) sum_n NLL_n,
///
/// the penalty being the batch mean of the squared input gradients of the batch-mean loss, as
/// in the authors' code. Each per-example gradient carries a factor 1/B, so the effective
/// weight on ||grad NLL_n||^2 is lambda / B^2 — why the paper's lambda runs from 10 to
/// 180,000 (B = 100). The gradient w.r.t. the weights flows through the input gradient
/// (second-order autodiff).
public enum DoubleBackpropagation {
    /// The penalty alone for logits computed from `input` (which must be tracked).
    public static func penalty<Scalar: TensorScalar>(loss: Variable<Scalar>, input: Variable<Scalar>, lambda: Double) -> Variable<Scalar> {
        let inputGradient = gradient(of: loss, wrt: [input], createGraph: true)[0]
        return inputGradient.squared().sum() * Scalar(lambda / Double(input.shape[0]))
    }

    /// A `Trainer` batch loss: cross-entropy plus the penalty with weight `lambda`.
    public static func batchLoss<Scalar: TensorScalar>(lambda: Double) -> Trainer.BatchLoss<Scalar> {
        { model, inputs, labels, context in
            let x = Variable(inputs, requiresGradient: true)
            let logits = model.forward(x, context: context)
            let loss = Loss.crossEntropy(logits: logits, labels: labels)
            return (loss + penalty(loss: loss, input: x, lambda: lambda), logits.value)
        }
    }
}

import Autodiff
import NeuralNetworks
import TensorModule

/// The regularised cost of Peck et al. 2017, Sec. 4.4: L1(x, y) = L(x, y) - l delta(h_L(x); f),
/// where delta is the linear-classifier bound (Eq. 3.12) of the output layer at the hidden
/// representation, averaged over the batch. The minimum over rival classes is taken at the
/// current point and held fixed for the gradient (it is piecewise smooth).
public enum OutputMarginPenalty {
    /// A batch loss for `Trainer.train` adding -strength * mean delta(h_L(x); f) to the
    /// cross-entropy. The model must end in a Dense output layer.
    public static func batchLoss(strength: Double) -> Trainer.BatchLoss<Double> {
        { model, inputs, labels, context in
            let hidden = model.layers.dropLast().reduce(Variable(inputs)) { $1.forward($0, context: context) }
            let output = model.layers.last as! Dense<Double>
            let logits = output.forward(hidden, context: context)
            let loss = Loss.crossEntropy(logits: logits, labels: labels)
            guard strength != 0 else { return (loss, logits.value) }
            return (loss - delta(logits: logits, weight: output.weight.variable).mean() * strength, logits.value)
        }
    }

    /// delta(h; f) per row: min over c != p of (z_p - z_c) / ||w_p - w_c||, p the predicted
    /// class, with ||w_p - w_c||^2 = G_pp + G_cc - 2 G_pc for G = W^T W.
    static func delta(logits: Variable<Double>, weight: Variable<Double>) -> Variable<Double> {
        let (rows, classes) = (logits.shape[0], logits.shape[1])
        let predicted = logits.value.argmaxRows()
        let onePredicted = Variable(Loss.oneHot(predicted, classes: classes) as Tensor<Double>)
        let gram = weight.matmul(weight, transposeSelf: true)
        let gramRows = onePredicted.matmul(gram)
        let identity = Variable(Loss.oneHot(Array(0..<classes), classes: classes) as Tensor<Double>)
        let diagonal = (gram * identity).sum(alongAxes: [0])
        let ownNorm = (gramRows * onePredicted).sum(alongAxes: [1])
        let squaredNorms = ownNorm + diagonal - gramRows * 2
        let gaps = (logits * onePredicted).sum(alongAxes: [1]) - logits
        let ratios = gaps / (squaredNorms + 1e-12).sqrt()
        var nearest = Tensor<Double>(repeating: 0, shape: [rows, classes])
        for row in 0..<rows {
            let rival = (0..<classes).filter { $0 != predicted[row] }.min {
                ratios.value.scalars[row * classes + $0] < ratios.value.scalars[row * classes + $1]
            }!
            nearest.scalars[row * classes + rival] = 1
        }
        return (ratios * Variable(nearest)).sum(alongAxes: [1])
    }
}

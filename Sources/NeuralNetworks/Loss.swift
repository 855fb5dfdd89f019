import Autodiff
import TensorModule

/// Classification losses on logits [N, K].
public enum Loss {
    /// Cross-entropy with integer labels: -(1/N) sum_n log softmax(z_n)[y_n] (the NLL of the
    /// softmax; PyTorch's `cross_entropy` with mean reduction).
    public static func crossEntropy<Scalar: TensorScalar>(logits: Variable<Scalar>, labels: [Int]) -> Variable<Scalar> {
        (logits.logSoftmax() * Variable(oneHot(labels, classes: logits.shape[1]))).sum() * (-1 / Scalar(labels.count))
    }

    /// [N, K] with row n the indicator of class labels[n].
    public static func oneHot<Scalar: TensorScalar>(_ labels: [Int], classes: Int) -> Tensor<Scalar> {
        var matrix = Tensor<Scalar>(repeating: 0, shape: [labels.count, classes])
        for (row, label) in labels.enumerated() {
            precondition((0..<classes).contains(label), "label \(label) of example \(row) is not in 0..<\(classes)")
            matrix.scalars[row * classes + label] = 1
        }
        return matrix
    }

    /// The fraction of rows whose largest logit is at the label.
    public static func accuracy<Scalar: TensorScalar>(logits: Tensor<Scalar>, labels: [Int]) -> Double {
        let predictions = logits.argmaxRows()
        return Double(zip(predictions, labels).filter { $0 == $1 }.count) / Double(max(labels.count, 1))
    }
}

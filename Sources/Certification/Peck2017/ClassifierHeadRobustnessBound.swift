import Autodiff
import NeuralNetworks
import TensorModule

/// kappa_L of Algorithm 5.1 (Peck et al. 2017): the robustness of the fully-connected head
/// dense_1, g_1, ..., dense_L that ends a CNN, at its (flattened) input h.
///
///     thesis:  Thm 4.2 with M' = M sqrt(n) (`MultilayerPerceptronBound`, variant `.thesis`),
///              or Eq. (3.12) when the head is a single dense layer;
///     sound:   min_{c != f(h)} (z_f - z_c) / (||v_f - v_c||_2 prod_{l < L} sup|g_l'| ||W_l||_2),
///
/// z the logits, v_c the columns of the last weight matrix and ||W_l||_2 spectral norms (power
/// iteration): each hidden layer is Lipschitz with constant sup|g_l'| ||W_l||_2, and z_f - z_c
/// with ||v_f - v_c||_2. For a single dense layer both are the exact distance to the nearest
/// tie hyperplane.
public struct ClassifierHeadRobustnessBound: Sendable {
    public let perceptron: MultilayerPerceptronBound
    /// prod_{l < L} sup|g_l'| ||W_l||_2.
    public let hiddenLipschitzConstant: Double

    public init(denseLayers: [Dense<Double>], activations: [Activation]) {
        perceptron = MultilayerPerceptronBound(denseLayers: denseLayers, activations: activations)
        hiddenLipschitzConstant = zip(perceptron.hiddenWeights, activations).reduce(1) { product, layer in
            let (weight, activation) = layer
            let columns = weight.shape[1]
            let rows = (0..<weight.shape[0]).map { Array(weight.scalars[($0 * columns)..<(($0 + 1) * columns)]) }
            return product * ActivationDerivativeBounds.of(activation).first * MultilayerPerceptronBound.spectralNorm(rows)
        }
    }

    /// The predicted class and kappa_L for each row of `inputs` [N, d].
    public func bounds(_ inputs: Tensor<Double>, variant: LayerwiseBoundVariant) -> [(predicted: Int, bound: Double)] {
        if perceptron.hiddenWeights.isEmpty {
            return perceptron.output.bounds(inputs).map { ($0.predicted, $0.bound) }
        }
        switch variant {
        case .thesis:
            return perceptron.bounds(inputs, variant: .thesis).map { ($0.predicted, $0.bound) }
        case .sound:
            let hidden = perceptron.hidden(Variable(inputs)).value
            return perceptron.output.bounds(hidden).map { ($0.predicted, $0.bound / hiddenLipschitzConstant) }
        }
    }
}

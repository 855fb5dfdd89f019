import Autodiff
import NeuralNetworks
import TensorModule

/// kappa_L of Algorithm 5.1 (Peck et al. 2017): the robustness of the fully-connected head
/// dense_1, g_1, ..., dense_L that ends a CNN, at its (flattened) input h.
///
///     thesis:  (sqrt(||J(h)||^2 + 2 M' delta) - ||J(h)||) / M',  M' = M sqrt(n)   (Thm 4.2),
///              or delta alone when the head is a single dense layer (Eq. 3.12);
///     sound:   min_{c != f(h)} (z_f - z_c) / (||v_f - v_c||_2 prod_{l < L} sup|g_l'| ||W_l||_2),
///
/// with J the Jacobian of the hidden stack (n units in its last layer), M from Algorithm 4.1
/// (ReLU's second derivative bounded by 1, as the thesis does), delta the Eq. (3.12) distance
/// of the output layer at the hidden features, z the logits, v_c the columns of the last
/// weight matrix and ||W_l||_2 spectral norms. In the sound form each hidden layer is
/// Lipschitz with constant sup|g_l'| ||W_l||_2 and z_f - z_c with ||v_f - v_c||_2; for a single
/// dense layer both forms are the exact distance to the nearest tie hyperplane. Spectral norms
/// come from power iteration, batched over the examples (two matrix products per step).
public struct ClassifierHeadRobustnessBound: Sendable {
    public let perceptron: MultilayerPerceptronBound
    /// prod_{l < L} sup|g_l'| ||W_l||_2.
    public let hiddenLipschitzConstant: Double

    public init(denseLayers: [Dense<Double>], activations: [Activation]) {
        perceptron = MultilayerPerceptronBound(denseLayers: denseLayers, activations: activations)
        hiddenLipschitzConstant = zip(perceptron.hiddenWeights, activations).reduce(1) { product, layer in
            let (weight, activation) = layer
            let norm = Self.spectralNorms(inputs: weight.shape[0], forward: { $0.matmul(weight) },
                                          backward: { $0.matmul(weight, transposeOther: true) }, count: 1)[0]
            return product * ActivationDerivativeBounds.of(activation).first * norm
        }
    }

    /// The predicted class and kappa_L for each row of `inputs` [N, d].
    public func bounds(_ inputs: Tensor<Double>, variant: LayerwiseBoundVariant) -> [(predicted: Int, bound: Double)] {
        guard !perceptron.hiddenWeights.isEmpty else {
            return perceptron.output.bounds(inputs).map { ($0.predicted, $0.bound) }
        }
        let (hidden, slopes) = hiddenFeaturesAndSlopes(inputs)
        let output = perceptron.output.bounds(hidden)
        switch variant {
        case .sound:
            return output.map { ($0.predicted, $0.bound / hiddenLipschitzConstant) }
        case .thesis:
            let norms = jacobianNorms(slopes, count: inputs.shape[0], inputWidth: inputs.shape[1])
            let scale = perceptron.secondDerivativeBound * Double(hidden.shape[1]).squareRoot()
            return zip(output, norms).map { result, norm in
                let delta = result.bound
                let bound = scale > 0 ? ((norm * norm + 2 * scale * delta).squareRoot() - norm) / scale : delta / Swift.max(norm, 1e-300)
                return (result.predicted, bound)
            }
        }
    }

    /// h_L and g_l'(z_l) of every hidden layer for the batch.
    private func hiddenFeaturesAndSlopes(_ inputs: Tensor<Double>) -> (Tensor<Double>, [Tensor<Double>]) {
        var value = inputs
        var slopes: [Tensor<Double>] = []
        for ((weight, bias), activation) in zip(zip(perceptron.hiddenWeights, perceptron.hiddenBiases), perceptron.activations) {
            let z = Variable(value.matmul(weight) + bias, requiresGradient: true)
            let y: Variable<Double>
            switch activation {
            case .relu: y = z.relu()
            case .leakyReLU: y = z.leakyRelu(slope: 0.01)
            case .sigmoid: y = z.sigmoid()
            case .tanh: y = z.tanh()
            case .softplus: y = z.softplus()
            }
            slopes.append(gradient(of: y.sum(), wrt: [z])[0].value)
            value = y.value
        }
        return (value, slopes)
    }

    /// ||J(h)||_2 per example, J = D_L W_L^T ... D_1 W_1^T with D_l = diag(g_l'(z_l)).
    private func jacobianNorms(_ slopes: [Tensor<Double>], count: Int, inputWidth: Int) -> [Double] {
        let weights = perceptron.hiddenWeights
        return Self.spectralNorms(inputs: inputWidth, forward: { v in
            zip(weights, slopes).reduce(v) { $0.matmul($1.0) * $1.1 }
        }, backward: { u in
            zip(weights, slopes).reversed().reduce(u) { ($0 * $1.1).matmul($1.0, transposeOther: true) }
        }, count: count)
    }

    /// The largest singular value of each of `count` linear maps at once, by power iteration:
    /// `forward` applies each map to the rows of a [count, inputs] batch, `backward` its
    /// transpose. Stops when every estimate changed by at most 1e-10 relative, or after 1,000 steps.
    static func spectralNorms(inputs: Int, forward: (Tensor<Double>) -> Tensor<Double>,
                              backward: (Tensor<Double>) -> Tensor<Double>, count: Int) -> [Double] {
        var generator = SeededGenerator(seed: 1)
        var v = Tensor<Double>.randomNormal(shape: [count, inputs], using: &generator)
        var estimates = [Double](repeating: 0, count: count)
        for _ in 0..<1000 {
            let w = backward(forward(v))
            var scalars = w.scalars
            var converged = true
            for row in 0..<count {
                let range = (row * inputs)..<((row + 1) * inputs)
                let vNorm = v.scalars[range].reduce(0) { $0 + $1 * $1 }.squareRoot()
                let wNorm = scalars[range].reduce(0) { $0 + $1 * $1 }.squareRoot()
                let estimate = vNorm > 0 ? (wNorm / vNorm).squareRoot() : 0
                if Swift.abs(estimate - estimates[row]) > 1e-10 * estimate { converged = false }
                estimates[row] = estimate
                if wNorm > 0 { for i in range { scalars[i] /= wNorm } }
            }
            if converged { break }
            v = Tensor(shape: w.shape, scalars: scalars)
        }
        return estimates
    }
}

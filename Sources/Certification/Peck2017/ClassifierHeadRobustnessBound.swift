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
/// dense layer both forms are the exact distance to the nearest tie hyperplane. The sound
/// form's ||W_l||_2 are upper bounds from LAPACK (`SpectralBound.spectralNorm`); the thesis
/// form's ||J(h)|| come from Lanczos, batched over the examples (two matrix products per step).
public struct ClassifierHeadRobustnessBound: Sendable {
    public let perceptron: MultilayerPerceptronBound
    /// prod_{l < L} sup|g_l'| ||W_l||_2.
    public let hiddenLipschitzConstant: Double

    public init(denseLayers: [Dense<Double>], activations: [Activation]) throws {
        perceptron = MultilayerPerceptronBound(denseLayers: denseLayers, activations: activations)
        hiddenLipschitzConstant = try zip(perceptron.hiddenWeights, activations).reduce(1) { product, layer in
            try product * ActivationDerivativeBounds.of(layer.1).first * SpectralBound.spectralNorm(of: layer.0)
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
            let y = activation.apply(z)
            slopes.append(gradient(of: y.sum(), wrt: [z])[0].value)
            value = y.value
        }
        return (value, slopes)
    }

    /// ||J(h)||_2 per example, J = D_L W_L^T ... D_1 W_1^T with D_l = diag(g_l'(z_l)).
    private func jacobianNorms(_ slopes: [Tensor<Double>], count: Int, inputWidth: Int) -> [Double] {
        let weights = perceptron.hiddenWeights
        return Self.spectralNorms(inputs: inputWidth, count: count) { v, rows in
            let selected = rows.count == count ? slopes : slopes.map { $0.gatherRows(rows) }
            let u = zip(weights, selected).reduce(v) { $0.matmul($1.0) * $1.1 }
            return zip(weights, selected).reversed().reduce(u) { ($0 * $1.1).matmul($1.0, transposeOther: true) }
        }
    }

    /// The largest singular value of each of `count` linear maps J_i at once, as the square
    /// root of the largest eigenvalue of J_i^T J_i by the Lanczos method (no
    /// re-orthogonalisation, which can only duplicate converged eigenvalues, not move the
    /// largest). `normalProduct(v, rows)` returns J_i^T J_i v_i for the listed maps, one row of
    /// v each. Every 8 steps the largest eigenvalue of each tridiagonal matrix is found by
    /// bisection; a map leaves the batch once it changed by at most 1e-12 relative, its Krylov
    /// space is exhausted, or after min(inputs, 400) steps. Like power iteration, the estimate
    /// approaches the true value from below.
    static func spectralNorms(inputs: Int, count: Int,
                              normalProduct: (Tensor<Double>, [Int]) -> Tensor<Double>) -> [Double] {
        var generator = SeededGenerator(seed: 1)
        let start = Tensor<Double>.randomNormal(shape: [count, inputs], using: &generator)
        var current = (0..<count).map { row -> [Double] in
            let vector = Array(start.rowScalars(row))
            let norm = vector.euclideanNorm
            return vector.map { $0 / norm }
        }
        var previous = [[Double]](repeating: [Double](repeating: 0, count: inputs), count: count)
        var alphas = [[Double]](repeating: [], count: count), betas = [[Double]](repeating: [], count: count)
        var estimates = [Double](repeating: 0, count: count)
        var active = Array(0..<count)
        for step in 1...Swift.min(inputs, 400) where !active.isEmpty {
            let w = normalProduct(Tensor(shape: [active.count, inputs], scalars: active.flatMap { current[$0] }), active)
            var stillActive: [Int] = []
            for (position, row) in active.enumerated() {
                var next = Array(w.rowScalars(position))
                let alpha = next.dot(current[row])
                let lastBeta = betas[row].last ?? 0
                for i in 0..<inputs { next[i] -= alpha * current[row][i] + lastBeta * previous[row][i] }
                let beta = next.euclideanNorm
                alphas[row].append(alpha)
                let exhausted = beta <= 1e-13 * Swift.max(Swift.abs(alpha), 1e-300)
                if exhausted || step % 8 == 0 || step == Swift.min(inputs, 400) {
                    let estimate = Self.largestEigenvalue(diagonal: alphas[row], offDiagonal: betas[row])
                    let converged = Swift.abs(estimate - estimates[row]) <= 1e-12 * Swift.abs(estimate)
                    estimates[row] = estimate
                    if exhausted || converged { continue }
                }
                betas[row].append(beta)
                previous[row] = current[row]
                current[row] = next.map { $0 / beta }
                stillActive.append(row)
            }
            active = stillActive
        }
        return estimates.map { Swift.max($0, 0).squareRoot() }
    }

    /// The largest eigenvalue of the symmetric tridiagonal matrix with the given diagonal and
    /// off-diagonal, by bisection on the Sturm sequence count inside the Gershgorin interval.
    static func largestEigenvalue(diagonal: [Double], offDiagonal: [Double]) -> Double {
        let n = diagonal.count
        func radius(_ i: Int) -> Double {
            (i > 0 ? Swift.abs(offDiagonal[i - 1]) : 0) + (i < n - 1 ? Swift.abs(offDiagonal[i]) : 0)
        }
        var lower = (0..<n).map { diagonal[$0] - radius($0) }.min()!
        var upper = (0..<n).map { diagonal[$0] + radius($0) }.max()!
        /// How many eigenvalues are smaller than x.
        func countBelow(_ x: Double) -> Int {
            var below = 0, d = 1.0
            for i in 0..<n {
                let coupling = i > 0 ? offDiagonal[i - 1] * offDiagonal[i - 1] : 0
                d = diagonal[i] - x - (i > 0 ? coupling / (d == 0 ? 1e-300 : d) : 0)
                if d < 0 { below += 1 }
            }
            return below
        }
        for _ in 0..<200 {
            let middle = (lower + upper) / 2
            guard middle > lower && middle < upper else { break }
            if countBelow(middle) == n { upper = middle } else { lower = middle }
        }
        return upper
    }
}

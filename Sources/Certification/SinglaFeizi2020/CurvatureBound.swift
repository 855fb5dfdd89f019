import Autodiff
import NeuralNetworks
import TensorModule

/// Singla & Feizi 2020's global curvature bounds for the logit difference
/// f = z_y^(L) - z_t^(L) of a fully connected network with a smooth activation.
public enum CurvatureBound {
    /// Thm 4 (Eqs. 5, 6) with W_i^(L) replaced by W_y^(L) - W_t^(L):
    ///
    ///     K(W, y, t) = h * sum_{I=1}^{L-1} (r^(I))^2 * max_j S_j^(L,I),
    ///     r^(1) = ||W^(1)||,  r^(I) = g ||W^(I)|| r^(I-1),
    ///     S^(L,L-1) = |W_y^(L) - W_t^(L)|,  S^(L,I) = g S^(L,I+1) |W^(I+1)|,
    ///
    /// with g >= |sigma'| and h >= |sigma''| (App. F, computed by `ActivationDerivativeBounds`).
    /// Differentiable w.r.t. the network's weight variables; the spectral norms are passed in
    /// (`spectralNorms[I-1]` is ||W^(I)|| for I = 1 ... L-1, a variable whose gradient is
    /// u v^T as in App. C.1, see `SpectralNormEstimator`).
    ///
    /// - Returns: K for each (labels[n], targets[n]) pair, shape [N].
    public static func deepNetworkBound<Scalar: TensorScalar>(
        _ network: FullyConnectedNetwork<Scalar>, spectralNorms: [Variable<Scalar>], labels: [Int], targets: [Int]
    ) -> Variable<Scalar> {
        precondition(labels.count == targets.count, "\(labels.count) labels but \(targets.count) targets")
        precondition(spectralNorms.count == network.depth - 1,
                     "Thm 4 needs ||W^(I)|| for the \(network.depth - 1) hidden layers, got \(spectralNorms.count)")
        let constants = ActivationDerivativeBounds.of(network.activation)
        let (g, h) = (Scalar(constants.first), Scalar(constants.second))
        let weights = network.weightVariables
        let difference: Tensor<Scalar> = Loss.oneHot(labels, classes: network.classes) - Loss.oneHot(targets, classes: network.classes)
        var radii: [Variable<Scalar>] = []
        for (index, norm) in spectralNorms.enumerated() {
            radii.append(index == 0 ? norm : radii[index - 1] * norm * g)
        }
        var s = Variable(difference).matmul(weights[network.depth - 1], transposeOther: true).abs()
        var total: Variable<Scalar>?
        for layer in stride(from: network.depth - 1, through: 1, by: -1) {
            let term = rowMaximum(s) * radii[layer - 1].squared()
            total = total.map { $0 + term } ?? term
            if layer > 1 { s = s.matmul(weights[layer - 1].abs(), transposeOther: true) * g }
        }
        return total! * h
    }

    /// Thm 4's K as plain numbers, one per pair, with spectral norms by power iteration run
    /// to convergence.
    public static func deepNetworkBound<Scalar: TensorScalar>(
        _ network: FullyConnectedNetwork<Scalar>, labels: [Int], targets: [Int]
    ) -> [Double] {
        let norms = network.weights.dropLast().map { Variable(Tensor<Scalar>(PowerIteration.largestSingularValue(of: $0).value)) }
        return deepNetworkBound(network, spectralNorms: Array(norms), labels: labels, targets: targets).value.scalars.map(Double.init)
    }

    /// Thm 3 (Eqs. 58-60) for a two-layer network: with w = W_y^(2) - W_t^(2),
    ///
    ///     P = sum_i p_i w_i W_i^(1) (W_i^(1))^T,  p_i = h_U if w_i >= 0 else h_L,
    ///     N = sum_i n_i w_i W_i^(1) (W_i^(1))^T,  n_i = h_L if w_i >= 0 else h_U,
    ///
    /// N <= grad^2 f <= P everywhere, M = lambda_max(P) and m = lambda_min(N) (by power
    /// iteration: P is PSD and N NSD when h_L <= 0 <= h_U, Thm 3b; a range that excludes 0
    /// is widened to include it, which keeps the bounds valid).
    /// h_L and h_U are the activation's (App. F); `localTwoLayerBounds` uses bounds that
    /// hold in a ball.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func twoLayerBounds<Scalar: TensorScalar>(
        _ network: FullyConnectedNetwork<Scalar>, label: Int, target: Int
    ) throws -> CurvatureBounds {
        guard network.depth == 2 else {
            throw CertificationError.unsupportedModel("Thm 3 covers two-layer networks; this one has \(network.depth) dense layers (use Thm 4)")
        }
        let constants = ActivationDerivativeBounds.of(network.activation)
        let first = network.weights[0], second = network.weights[1]
        let (dimension, units) = (first.shape[0], first.shape[1])
        let (hLow, hHigh) = (min(constants.secondLower, 0), max(constants.secondUpper, 0))
        var upperWeights = [Scalar](repeating: 0, count: units), lowerWeights = upperWeights
        for unit in 0..<units {
            let w = Double(second.scalars[unit * network.classes + label] - second.scalars[unit * network.classes + target])
            upperWeights[unit] = Scalar(w * (w >= 0 ? hHigh : hLow))
            lowerWeights[unit] = Scalar(w * (w >= 0 ? hLow : hHigh))
        }
        func quadraticForm(_ weights: [Scalar], sign: Scalar) -> (Tensor<Scalar>) -> Tensor<Scalar> {
            let scale = Tensor(shape: [1, units], scalars: weights.map { $0 * sign })
            return { v in v.matmul(first).combining(.multiply, with: scale).matmul(first, transposeOther: true) }
        }
        let upper = PowerIteration.dominantEigenvalue(dimension: dimension, apply: quadraticForm(upperWeights, sign: 1))
        let lower = -PowerIteration.dominantEigenvalue(dimension: dimension, apply: quadraticForm(lowerWeights, sign: -1))
        return CurvatureBounds(lower: min(lower, 0), upper: max(upper, 0))
    }

    /// The bounds the certificate and attack use for each pair: Thm 3's m, M (K = max(|m|, |M|))
    /// for two-layer networks, Thm 4's -K, K for deeper ones (Sec. 5.3), computed once per
    /// distinct pair.
    public static func bounds<Scalar: TensorScalar>(
        _ network: FullyConnectedNetwork<Scalar>, labels: [Int], targets: [Int]
    ) throws -> [CurvatureBounds] {
        let keys = zip(labels, targets).map { $0 * network.classes + $1 }
        let distinct = Array(Set(keys)).sorted()
        var known: [Int: CurvatureBounds] = [:]
        if network.depth == 2 {
            for key in distinct {
                known[key] = try twoLayerBounds(network, label: key / network.classes, target: key % network.classes)
            }
        } else {
            let values = deepNetworkBound(network, labels: distinct.map { $0 / network.classes },
                                          targets: distinct.map { $0 % network.classes })
            for (key, value) in zip(distinct, values) { known[key] = CurvatureBounds(norm: value) }
        }
        return keys.map { known[$0]! }
    }

    /// max_j of each row of [N, J], differentiable (the gradient goes to the arg max).
    private static func rowMaximum<Scalar: TensorScalar>(_ matrix: Variable<Scalar>) -> Variable<Scalar> {
        let (rows, width) = (matrix.shape[0], matrix.shape[1])
        let indices = matrix.value.argmaxRows().enumerated().map { $0 * width + $1 }
        return matrix.gather(flatIndices: indices, shape: [rows])
    }
}

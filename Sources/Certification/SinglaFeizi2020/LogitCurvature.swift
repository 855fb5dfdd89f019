import Autodiff
import NeuralNetworks
import TensorModule

/// Singla & Feizi 2020's bounds on the curvature of the logit difference f = z_y^(L) - z_t^(L)
/// of a fully connected network with a smooth activation: Thm 4's K for any depth, Thm 3's
/// m and M for two layers, and Thm 3 in a ball (Sec. 7.4, `localTwoLayerBounds`), each pair's
/// as `HessianEigenvalueBounds`.
public enum LogitCurvature {
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
        deepNetworkBound(weights: network.weightVariables, activation: network.activation, classes: network.classes,
                         spectralNorms: spectralNorms, labels: labels, targets: targets)
    }

    /// Thm 4's K as plain numbers, one per pair, an upper bound on the exact K of the network's
    /// weights: computed in Double with LAPACK's spectral norms made safe
    /// (`SpectralBound.spectralNorm`), then raised by 2 (k + 1) eps, k = sum over layers of
    /// (inputs + units) + 4L. Every term of K is a sum of products of non-negative numbers, so
    /// the computed value is at least (1 - gamma_k) times the exact one (Higham 2002, Lemma 3.1),
    /// k the longest chain of roundings (the sums in |W| products and the L-fold products).
    public static func deepNetworkBound<Scalar: TensorScalar>(
        _ network: FullyConnectedNetwork<Scalar>, labels: [Int], targets: [Int]
    ) throws -> [Double] {
        let weights = network.preciseWeights
        let norms = try weights.dropLast().map { Variable(Tensor<Double>(try SpectralBound.spectralNorm(of: $0))) }
        let values = deepNetworkBound(weights: weights.map { Variable($0) }, activation: network.activation, classes: network.classes,
                                      spectralNorms: norms, labels: labels, targets: targets).value.scalars
        let chain = weights.reduce(4 * weights.count) { $0 + $1.shape[0] + $1.shape[1] }
        return values.map { ($0 * (1 + 2 * Double(chain + 1) * Double.ulpOfOne / 2)).nextUp }
    }

    private static func deepNetworkBound<Scalar: TensorScalar>(
        weights: [Variable<Scalar>], activation: Activation, classes: Int, spectralNorms: [Variable<Scalar>], labels: [Int], targets: [Int]
    ) -> Variable<Scalar> {
        precondition(labels.count == targets.count, "\(labels.count) labels but \(targets.count) targets")
        let depth = weights.count
        precondition(spectralNorms.count == depth - 1,
                     "Thm 4 needs ||W^(I)|| for the \(depth - 1) hidden layers, got \(spectralNorms.count)")
        let constants = ActivationDerivativeBounds.of(activation)
        let (g, h) = (Scalar(constants.first), Scalar(constants.second))
        let difference: Tensor<Scalar> = Loss.oneHot(labels, classes: classes) - Loss.oneHot(targets, classes: classes)
        var radii: [Variable<Scalar>] = []
        for (index, norm) in spectralNorms.enumerated() {
            radii.append(index == 0 ? norm : radii[index - 1] * norm * g)
        }
        var s = Variable(difference).matmul(weights[depth - 1], transposeOther: true).abs()
        var total: Variable<Scalar>?
        for layer in stride(from: depth - 1, through: 1, by: -1) {
            let term = rowMaximum(s) * radii[layer - 1].squared()
            total = total.map { $0 + term } ?? term
            if layer > 1 { s = s.matmul(weights[layer - 1].abs(), transposeOther: true) * g }
        }
        return total! * h
    }

    /// Thm 3 (Eqs. 58-60) for a two-layer network: with w = W_y^(2) - W_t^(2),
    ///
    ///     P = sum_i p_i w_i W_i^(1) (W_i^(1))^T,  p_i = h_U if w_i >= 0 else h_L,
    ///     N = sum_i n_i w_i W_i^(1) (W_i^(1))^T,  n_i = h_L if w_i >= 0 else h_U,
    ///
    /// N <= grad^2 f <= P everywhere, M = lambda_max(P) and m = lambda_min(N) (Thm 3b: P is
    /// PSD and N NSD when h_L <= 0 <= h_U; a range that excludes 0 is widened to include it,
    /// which keeps the bounds valid). M and m are upper and lower bounds on the exact values
    /// (see `twoLayerBounds(first:outputDifference:curvatureRange:)`).
    /// h_L and h_U are the activation's (App. F); `localTwoLayerBounds` uses bounds that
    /// hold in a ball.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func twoLayerBounds<Scalar: TensorScalar>(
        _ network: FullyConnectedNetwork<Scalar>, label: Int, target: Int
    ) throws -> HessianEigenvalueBounds {
        guard network.depth == 2 else {
            throw CertificationError.unsupportedModel("Thm 3 covers two-layer networks; this one has \(network.depth) dense layers (use Thm 4)")
        }
        let constants = ActivationDerivativeBounds.of(network.activation)
        let range = (low: min(constants.secondLower, 0), high: max(constants.secondUpper, 0))
        return try twoLayerBounds(first: network.preciseWeights[0],
                                  outputDifference: network.outputDifference(label: label, target: target)) { _ in range }
    }

    /// Thm 3's M >= lambda_max(P) and m <= lambda_min(N) for first-layer weights W [D, units]
    /// (Margin's layout), w = W_y^(2) - W_t^(2) and [h_L,i, h_U,i] per unit (containing 0),
    /// from P and -N formed in Double (`SpectralBound.largestEigenvalue`, Cholesky-certified).
    /// The forming error is part of the margin: each entry of W diag(p) W^T is a sum of `units`
    /// products, off by at most gamma_(units+1) sum_i |p_i| |W_ki| |W_li| (Higham 2002, Eq. 3.5),
    /// and p_i = w_i h carries 2 eps more from the difference of Float logit weights and the
    /// product, so
    ///
    ///     ||P_computed - P||_2 <= ||.||_F <= 2 (units + 4) eps sum_i |p_i| ||W_i||^2.
    static func twoLayerBounds(first: Tensor<Double>, outputDifference: [Double],
                               curvatureRange: (Int) -> (low: Double, high: Double)) throws -> HessianEigenvalueBounds {
        let (dimension, units) = (first.shape[0], first.shape[1])
        var upperWeights = [Double](repeating: 0, count: units), lowerWeights = upperWeights
        for (unit, w) in outputDifference.enumerated() {
            let (low, high) = curvatureRange(unit)
            upperWeights[unit] = w * (w >= 0 ? high : low)
            lowerWeights[unit] = w * (w >= 0 ? low : high)
        }
        var squaredNorms = [Double](repeating: 0, count: units)
        for k in 0..<dimension { for j in 0..<units { squaredNorms[j] += first.scalars[k * units + j] * first.scalars[k * units + j] } }
        /// lambda_max(W diag(weights) W^T) from above.
        func largest(_ weights: [Double]) throws -> Double {
            let scaled = first * Tensor(shape: [1, units], scalars: weights)
            let trace = zip(weights, squaredNorms).reduce(0) { $0 + abs($1.0) * $1.1 }
            let formationError = 2 * Double(units + 4) * Double.ulpOfOne / 2 * trace
            return try SpectralBound.largestEigenvalue(of: scaled.matmul(first, transposeOther: true), formationError: formationError)
        }
        return HessianEigenvalueBounds(lower: min(-(try largest(lowerWeights.map { -$0 })), 0), upper: max(try largest(upperWeights), 0))
    }

    /// The bounds the certificate and attack use for each pair: Thm 3's m, M (K = max(|m|, |M|))
    /// for two-layer networks, Thm 4's -K, K for deeper ones (Sec. 5.3), computed once per
    /// distinct pair.
    public static func bounds<Scalar: TensorScalar>(
        _ network: FullyConnectedNetwork<Scalar>, labels: [Int], targets: [Int]
    ) throws -> [HessianEigenvalueBounds] {
        let keys = zip(labels, targets).map { $0 * network.classes + $1 }
        let distinct = Array(Set(keys)).sorted()
        var known: [Int: HessianEigenvalueBounds] = [:]
        if network.depth == 2 {
            for key in distinct {
                known[key] = try twoLayerBounds(network, label: key / network.classes, target: key % network.classes)
            }
        } else {
            let values = try deepNetworkBound(network, labels: distinct.map { $0 / network.classes },
                                          targets: distinct.map { $0 % network.classes })
            for (key, value) in zip(distinct, values) { known[key] = HessianEigenvalueBounds(norm: value) }
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

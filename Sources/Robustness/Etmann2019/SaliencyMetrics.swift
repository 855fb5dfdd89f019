import Autodiff
import TensorModule

/// Saliency and robustness of one input (Etmann et al. 2019, Sec. 2).
public struct SaliencyMetrics: Sendable {
    /// The predicted class i* = argmax_i Psi^i(x).
    public let predicted: Int
    /// The minimiser j* of Eq. (9), the nearest class by linearization.
    public let nearestRival: Int
    /// The saliency map g = grad_x Psi^{i*}(x), flattened.
    public let saliency: [Double]
    /// The binarized saliency map g† = grad_x (Psi^{i*} - Psi^{j*})(x), flattened.
    public let binarizedSaliency: [Double]
    /// Alignment alpha(x) = |<x, g>| / ||g|| (Eqs. 3, 7).
    public let alignment: Double
    /// Binarized alignment alpha†(x) = |<x, g†>| / ||g†|| (Eq. 11).
    public let binarizedAlignment: Double
    /// Linearized robustness rho~(x) = min_{j != i*} (Psi^{i*} - Psi^j) / ||grad Psi^{i*} - grad Psi^j|| (Eq. 9).
    public let linearizedRobustness: Double
    /// The signed cosine <x, g> / (||x|| ||g||) that the authors' code logs as "alignment"
    /// (a different quantity from Eq. 7; see docs/papers.md, Etmann et al. 2019).
    public let signedCosine: Double

    /// The metrics of every row of `inputs` [N, ...], from all K input gradients of the
    /// logits (K backward passes over the batch; inputs must not interact, so use inference mode).
    public static func compute<Scalar: TensorScalar>(_ classifier: Classifier<Scalar>, inputs: Tensor<Scalar>) -> [SaliencyMetrics] {
        let x = Variable(inputs, requiresGradient: true)
        let logits = classifier.forward(x)
        let gradients = jacobianRows(of: logits, wrt: x)
        let (count, classes) = (logits.shape[0], logits.shape[1])
        return (0..<count).map { row in
            let point = inputs.rowScalars(row).map(Double.init)
            let scores = (0..<classes).map { Double(logits.value.scalars[row * classes + $0]) }
            let rowGradients = (0..<classes).map { k in gradients[k].rowScalars(row).map(Double.init) }
            let predicted = scores.indices.max { scores[$0] < scores[$1] }!
            var best = (ratio: Double.infinity, rival: predicted, difference: [Double]())
            for rival in 0..<classes where rival != predicted {
                let difference = zip(rowGradients[predicted], rowGradients[rival]).map { $0 - $1 }
                let ratio = (scores[predicted] - scores[rival]) / difference.euclideanNorm
                if ratio < best.ratio { best = (ratio, rival, difference) }
            }
            let g = rowGradients[predicted]
            let (gNorm, binarizedNorm) = (g.euclideanNorm, best.difference.euclideanNorm)
            return SaliencyMetrics(
                predicted: predicted, nearestRival: best.rival, saliency: g, binarizedSaliency: best.difference,
                alignment: abs(point.dot(g)) / gNorm, binarizedAlignment: abs(point.dot(best.difference)) / binarizedNorm,
                linearizedRobustness: best.ratio, signedCosine: point.dot(g) / (point.euclideanNorm * gNorm))
        }
    }
}

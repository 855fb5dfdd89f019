import Foundation
import NeuralNetworks
import TensorModule

/// A local-response-normalisation layer's step of Algorithm 5.1 (Peck et al. 2017,
/// Thm 5.9 with Lemma 5.11), for b_a = x_a S_a^-beta, S_a = k + alpha' sum_{l in window(a)} x_l^2
/// (alpha' = alpha / n in Caffe's form), on one example X with D = c d^2 components:
///
///     thesis:  ||R||_F >= max_{a in Delta} lambda_a,
///              lambda_a = (sqrt(||grad b_a||^2 - 2 M_a delta_a) - ||grad b_a||) / M_a,
///              delta_a = |b_a| - (||LRN(X)||_F + kappa) / sqrt(D),   Delta = {a : delta_a < 0},
///              M_a = 4 x_max alpha' beta (x_max^2 alpha' (beta + 1) k^(-beta-2) + k^(-beta-1))
///                    + 2 x_max alpha' beta k^(-beta-1)             (Lemma 5.11, x_max = max |x|),
///              d b_a / d x_a = S_a^-beta - 2 alpha' beta x_a^2 S_a^(-beta-1),
///              d b_a / d x_j = -2 alpha' beta x_a x_j S_a^(-beta-1)   (j != a in the window).
///
/// Lemma 5.8 claims every a in Delta satisfies Eq. (5.12), but the argument only shows that
/// one of them must; the theorem's maximum is kept as printed.
///
///     sound:   ||R||_F >= kappa / (k^-beta (max(1, 2 beta - 1) + (n - 1) beta)).
///
/// The Jacobian is block diagonal over pixels. In one block, the diagonal entries are
/// S^-beta (1 - 2 beta alpha' x_a^2 / S) with alpha' x_a^2 / S in [0, 1), so at most
/// max(1, 2 beta - 1) k^-beta; an off-diagonal entry has 2 alpha' |x_a x_j| <= S_a - k, so it
/// is at most beta k^-beta, and each row and column holds at most n - 1 of them (Schur's
/// test). Needs k > 0 and beta >= 0 (Assumption 5.10 asks 0 < beta < 1).
public struct LocalResponseNormRobustnessBound: LayerRobustnessBound {
    public let size: Int
    public let k: Double
    /// alpha', the factor of the window's sum of squares.
    public let alpha: Double
    public let beta: Double

    public init(_ layer: LocalResponseNorm<Double>) throws {
        guard layer.k > 0, layer.beta >= 0 else {
            throw CertificationError.unsupportedModel(
                "local response normalisation needs k > 0 and beta >= 0 for its bound; got k = \(layer.k), beta = \(layer.beta)")
        }
        (size, k, alpha, beta) = (layer.size, layer.k, layer.effectiveAlpha, layer.beta)
    }

    /// k^-beta (max(1, 2 beta - 1) + (n - 1) beta), a Lipschitz constant of the layer.
    public var lipschitzConstant: Double {
        pow(k, -beta) * (Swift.max(1, 2 * beta - 1) + Double(size - 1) * beta)
    }

    /// M_a of Lemma 5.11 for an input whose largest magnitude is `largest`.
    public func secondDerivativeBound(largest: Double) -> Double {
        4 * largest * alpha * beta * (largest * largest * alpha * (beta + 1) * pow(k, -beta - 2) + pow(k, -beta - 1))
            + 2 * largest * alpha * beta * pow(k, -beta - 1)
    }

    public func inputBounds(_ outputBounds: [Double], layerInput: Tensor<Double>, layerOutput: Tensor<Double>,
                            variant: LayerwiseBoundVariant) -> [Double] {
        guard variant == .thesis else { return outputBounds.map { $0 / lipschitzConstant } }
        let channels = layerInput.shape[1]
        let spatial = layerInput.count / Swift.max(layerInput.shape[0] * channels, 1)
        return outputBounds.enumerated().map { example, kappa in
            let x = Array(layerInput.rowScalars(example)), b = Array(layerOutput.rowScalars(example))
            let outputNorm = b.euclideanNorm
            let threshold = (outputNorm + kappa) / Double(x.count).squareRoot()
            let m = secondDerivativeBound(largest: x.map(Swift.abs).max() ?? 0)
            var best = 0.0
            for channel in 0..<channels {
                let window = Swift.max(0, channel - size / 2)...Swift.min(channels - 1, channel + size / 2)
                for pixel in 0..<spatial {
                    let a = channel * spatial + pixel
                    let delta = Swift.abs(b[a]) - threshold
                    guard delta < 0 else { continue }
                    let s = k + alpha * window.reduce(0) { $0 + x[$1 * spatial + pixel] * x[$1 * spatial + pixel] }
                    let common = 2 * alpha * beta * x[a] * pow(s, -beta - 1)
                    var squaredGradient = 0.0
                    for neighbour in window {
                        let partial = (neighbour == channel ? pow(s, -beta) : 0) - common * x[neighbour * spatial + pixel]
                        squaredGradient += partial * partial
                    }
                    let gradient = squaredGradient.squareRoot()
                    let lambda = m > 0 ? ((gradient * gradient - 2 * m * delta).squareRoot() - gradient) / m : -delta / gradient
                    best = Swift.max(best, lambda)
                }
            }
            return best
        }
    }
}

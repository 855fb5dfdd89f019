import NeuralNetworks
import TensorModule

/// A batch-normalisation layer's step of Algorithm 5.1 (Peck et al. 2017, Thm 5.6), for the
/// inference form y_j = gamma_j (x_j - E[x_j]) / sqrt(Var[x_j] + eps) + beta_j over the d
/// components of one example:
///
///     thesis:  ||r|| >= max_j delta_j,   delta_j = min(|rho_1j|, |rho_2j|),
///              rho_1j = -(sqrt(phi_j^2 chi_j^2 + 4 phi_j gamma_j psi) + phi_j chi_j) / (2 phi_j gamma_j),
///              rho_2j =  (sqrt(phi_j^2 chi_j^2 + 4 phi_j gamma_j psi) - phi_j chi_j) / (2 phi_j gamma_j),
///              phi_j = gamma_j / (Var[x_j] + eps),  chi_j = 2 gamma_j (x_j - E[x_j]) + 2 beta_j sqrt(Var[x_j] + eps),
///              psi = (2 kappa ||BN(x)|| + kappa^2) / d.
///
/// Components with gamma_j = 0 never move and are left out. The derivation shows that some
/// j must satisfy Eq. (5.10); Lemma 5.4 then asserts |r_j| >= delta_j for every j, which is
/// why the theorem takes the maximum (the minimum would follow from the argument).
///
///     sound:   ||r|| >= kappa / max_j |gamma_j| / sqrt(Var[x_j] + eps),
///
/// the Lipschitz constant of the affine map.
public struct BatchNormRobustnessBound: LayerRobustnessBound {
    public let scale: [Double]
    public let offset: [Double]
    public let mean: [Double]
    /// sqrt(Var + eps) per channel.
    public let deviation: [Double]

    public init(_ layer: BatchNorm<Double>) {
        scale = layer.scale.value.scalars
        offset = layer.offset.value.scalars
        mean = layer.runningMean.value.scalars
        deviation = layer.runningVariance.value.scalars.map { ($0 + layer.epsilon).squareRoot() }
    }

    /// max_j |gamma_j| / sqrt(Var[x_j] + eps).
    public var lipschitzConstant: Double {
        zip(scale, deviation).map { Swift.abs($0) / $1 }.max() ?? 0
    }

    public func inputBounds(_ outputBounds: [Double], layerInput: Tensor<Double>, layerOutput: Tensor<Double>,
                            variant: LayerwiseBoundVariant) -> [Double] {
        guard variant == .thesis else { return outputBounds.map { $0 / lipschitzConstant } }
        let channels = scale.count
        let spatial = layerInput.count / Swift.max(layerInput.shape[0] * channels, 1)
        return outputBounds.enumerated().map { example, kappa in
            let x = layerInput.rowScalars(example), y = layerOutput.rowScalars(example)
            let outputNorm = y.euclideanNorm
            let psi = (2 * kappa * outputNorm + kappa * kappa) / Double(x.count)
            var best = 0.0
            for (offsetInExample, value) in x.enumerated() {
                let channel = offsetInExample / spatial
                let (gamma, sigma) = (scale[channel], deviation[channel])
                guard gamma != 0 else { continue }
                let phi = gamma / (sigma * sigma)
                let chi = 2 * gamma * (value - mean[channel]) + 2 * offset[channel] * sigma
                let root = (phi * phi * chi * chi + 4 * phi * gamma * psi).squareRoot()
                let rho1 = -(root + phi * chi) / (2 * phi * gamma)
                let rho2 = (root - phi * chi) / (2 * phi * gamma)
                best = Swift.max(best, Swift.min(Swift.abs(rho1), Swift.abs(rho2)))
            }
            return best
        }
    }
}

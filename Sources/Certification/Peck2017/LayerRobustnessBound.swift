import TensorModule

/// One step of Algorithm 5.1 (Peck et al. 2017): given kappa_{l+1}, a bound such that no
/// perturbation of this layer's output smaller than kappa_{l+1} (Frobenius norm) changes the
/// class, return kappa_l, the same for the layer's input.
public protocol LayerRobustnessBound: Sendable {
    /// kappa_l for each example of the batch.
    /// - Parameters:
    ///   - outputBounds: kappa_{l+1}, one per example.
    ///   - layerInput: the batch the layer received, [N, ...].
    ///   - layerOutput: what the layer returned for it, [N, ...].
    func inputBounds(_ outputBounds: [Double], layerInput: Tensor<Double>, layerOutput: Tensor<Double>,
                     variant: LayerwiseBoundVariant) -> [Double]
}

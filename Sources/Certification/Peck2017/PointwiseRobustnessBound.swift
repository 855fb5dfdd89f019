import NeuralNetworks
import TensorModule

/// The step of Algorithm 5.1 through a layer that acts on each component alone, or only
/// reshapes: kappa_l = kappa_{l+1} / sup |g'|, with sup |g'| from `ActivationDerivativeBounds`
/// (1 for ReLU and tanh, 1/4 for sigmoid, max(1, |slope|) for leaky ReLU), and
/// kappa_l = kappa_{l+1} for flattening (Sec. 5.2.5) and inference-time dropout. The thesis
/// folds ReLU into the convolution step; as ReLU is 1-Lipschitz both variants agree.
public struct PointwiseRobustnessBound: LayerRobustnessBound {
    /// sup |g'|.
    public let lipschitzConstant: Double

    public init(_ spec: LayerSpec) {
        switch spec {
        case let .activation(function): lipschitzConstant = ActivationDerivativeBounds.of(function).first
        case let .leakyReLU(slope): lipschitzConstant = Swift.max(1, Swift.abs(slope))
        case .flatten, .dropout: lipschitzConstant = 1
        default: preconditionFailure("PointwiseRobustnessBound needs an activation, flatten or dropout layer, got \(spec)")
        }
    }

    public func inputBounds(_ outputBounds: [Double], layerInput: Tensor<Double>, layerOutput: Tensor<Double>,
                            variant: LayerwiseBoundVariant) -> [Double] {
        outputBounds.map { $0 / lipschitzConstant }
    }
}

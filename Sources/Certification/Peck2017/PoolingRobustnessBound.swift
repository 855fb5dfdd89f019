import Foundation
import NeuralNetworks
import TensorModule

/// A pooling layer's step of Algorithm 5.1 (Peck et al. 2017, Thm 5.3), for q x q windows
/// with stride s and a t_h x t_w output per channel:
///
///     thesis:  max and average pooling  ||R||_F >= kappa / t,
///              Lp pooling               ||R||_F >= kappa / (t q^(2/p)),
///
/// with t = sqrt(t_h t_w) (the thesis's t for square maps). The thesis's argument counts the
/// t^2 outputs of one channel, not the c t^2 of all channels.
///
///     sound:   ||R||_F >= kappa / (omega L_window),  omega = ceil(q / s),
///
/// where L_window bounds |p(x + r) - p(x)| / ||r_window||_2 for one window: 1 for max
/// pooling (|max(x + r) - max(x)| <= max |r|), 1 / q for average pooling over whole windows
/// (1 with 'same' padding, whose border windows average fewer pixels), and
/// (q^2)^max(0, 1/p - 1/2) for Lp pooling (a norm, so |‖x + r‖_p - ‖x‖_p| <= ‖r‖_p). Each
/// input pixel lies in at most omega^2 windows, which gives the factor omega.
public struct PoolingRobustnessBound: LayerRobustnessBound {
    public let spec: LayerSpec

    public init(_ spec: LayerSpec) {
        switch spec {
        case .maxPool, .averagePool, .lpPool: self.spec = spec
        default: preconditionFailure("PoolingRobustnessBound needs a pooling layer, got \(spec)")
        }
    }

    /// The window side q, stride s, padding and, for Lp pooling, p.
    private var window: (size: Int, stride: Int, padding: Padding, p: Double?) {
        switch spec {
        case let .maxPool(size, stride, padding), let .averagePool(size, stride, padding): return (size, stride, padding, nil)
        case let .lpPool(p, size, stride, padding): return (size, stride, padding, p)
        default: preconditionFailure("PoolingRobustnessBound needs a pooling layer, got \(spec)")
        }
    }

    /// The factor kappa is divided by, for an output of `outputShape` [N, C, t_h, t_w].
    public func lipschitzConstant(_ variant: LayerwiseBoundVariant, outputShape: [Int]) -> Double {
        let (size, stride, padding, p) = window
        let q = Double(size)
        switch variant {
        case .thesis:
            let t = Double(outputShape[2] * outputShape[3]).squareRoot()
            return t * (p.map { Foundation.pow(q, 2 / $0) } ?? 1)
        case .sound:
            let overlap = Double((size + stride - 1) / stride)
            let perWindow: Double
            switch spec {
            case .maxPool: perWindow = 1
            case .averagePool: perWindow = padding == .valid ? 1 / q : 1
            default: perWindow = Foundation.pow(q * q, Swift.max(0, 1 / p! - 0.5))
            }
            return overlap * perWindow
        }
    }

    public func inputBounds(_ outputBounds: [Double], layerInput: Tensor<Double>, layerOutput: Tensor<Double>,
                            variant: LayerwiseBoundVariant) -> [Double] {
        let constant = lipschitzConstant(variant, outputShape: layerOutput.shape)
        return outputBounds.map { $0 / constant }
    }
}

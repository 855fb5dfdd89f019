import Autodiff
import TensorModule

/// Max, average or Lp pooling over square windows of NCHW batches.
///
/// Lp pooling is (sum over the window of |x|^p)^(1/p) (Peck et al. 2017, Sec. 5.2), computed
/// as (area * averagePool(|x|^p))^(1/p); it needs 'valid' padding so every window is whole.
/// The norm has no derivative where a whole window is zero (common after ReLU); there the
/// layer takes the subgradient 0, as ReLU does at 0, not the NaN (infinity times zero) of
/// differentiating the composition as written.
public final class PoolingLayer<Scalar: TensorScalar>: Layer {
    public let spec: LayerSpec

    public init(_ spec: LayerSpec) {
        switch spec {
        case .maxPool, .averagePool: break
        case let .lpPool(p, _, _, padding):
            precondition(padding == .valid && p >= 1, "Lp pooling needs p >= 1 and 'valid' padding, got p = \(p), \(padding)")
        default: preconditionFailure("PoolingLayer cannot be \(spec)")
        }
        self.spec = spec
    }

    public func forward(_ input: Variable<Scalar>, context: ForwardContext) -> Variable<Scalar> {
        switch spec {
        case let .maxPool(size, stride, padding):
            return input.maxPool2d(size: size, stride: stride, padding: padding)
        case let .averagePool(size, stride, padding):
            return input.averagePool2d(size: size, stride: stride, padding: padding)
        case let .lpPool(p, size, stride, padding):
            let sums = input.abs().pow(Scalar(p)).averagePool2d(size: size, stride: stride, padding: padding)
                * Scalar(size * size)
            let occupied = Variable(sums.value.map { $0 > 0 ? 1 : 0 })
            let empty = Variable(sums.value.map { $0 > 0 ? 0 : 1 })
            return (sums * occupied + empty).pow(Scalar(1 / p)) * occupied
        default:
            preconditionFailure("PoolingLayer cannot be \(spec)")
        }
    }
}

import Autodiff
import TensorModule

/// Local response normalisation across channels (Krizhevsky et al. 2012; Peck et al. 2017,
/// Sec. 4.6): b[c] = a[c] / (k + alpha' sum_{c' near c} a[c']^2)^beta over `size`
/// neighbouring channels (clipped at the ends), with alpha' = alpha / size in Caffe's form
/// (`alphaPerWindow`, the LeNet-LRN networks) and alpha' = alpha in Krizhevsky's.
public final class LocalResponseNorm<Scalar: TensorScalar>: Layer {
    public let size: Int, k: Double, alpha: Double, beta: Double, alphaPerWindow: Bool
    public var spec: LayerSpec {
        .localResponseNorm(size: size, k: k, alpha: alpha, beta: beta, alphaPerWindow: alphaPerWindow)
    }

    public init(size: Int, k: Double, alpha: Double, beta: Double, alphaPerWindow: Bool) {
        precondition(size % 2 == 1, "local response normalisation needs an odd window, got \(size)")
        (self.size, self.k, self.alpha, self.beta, self.alphaPerWindow) = (size, k, alpha, beta, alphaPerWindow)
    }

    /// The effective alpha' that multiplies the window's sum of squares.
    public var effectiveAlpha: Double { alphaPerWindow ? alpha / Double(size) : alpha }

    public func forward(_ input: Variable<Scalar>, context: ForwardContext) -> Variable<Scalar> {
        let denominator = input.squared().channelWindowSum(size: size) * Scalar(effectiveAlpha) + Scalar(k)
        return input * denominator.pow(Scalar(-beta))
    }
}

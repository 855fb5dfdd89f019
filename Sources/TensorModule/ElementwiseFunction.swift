/// The pointwise functions `Tensor.applying(_:)` evaluates in one specialised loop each
/// (no per-element closure calls), for Float and Double.
public enum ElementwiseFunction: Sendable, Equatable {
    case exp, log, tanh, sqrt, abs, square, negate
    /// 1 / (1 + e^-x).
    case sigmoid
    /// log(1 + e^x), computed as max(x, 0) + log(1 + e^-|x|).
    case softplus
    /// x for x > 0, slope x otherwise (slope 0: ReLU).
    case leakyRelu(slope: Double)
    /// -1, 0 or 1.
    case sign
    /// x^p.
    case power(Double)
    /// a x + b.
    case affine(scale: Double, shift: Double)
}

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

/// The arithmetic `Tensor.combining(_:with:_:)` evaluates with broadcasting.
public enum ElementwiseOperator: Sendable {
    case add, subtract, multiply, divide
    /// g (y - y^2): dL/dx of y = sigma(x) from g = dL/dy (left) and y (right).
    case sigmoidBackward
    /// g (1 - y^2): dL/dx of y = tanh(x) from g = dL/dy (left) and y (right).
    case tanhBackward
    /// g for x > 0, slope g otherwise: dL/dx of a leaky ReLU from g = dL/dy (left) and x (right).
    case leakyReluBackward(slope: Double)
}

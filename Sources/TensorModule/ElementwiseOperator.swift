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

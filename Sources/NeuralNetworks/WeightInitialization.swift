import TensorModule

/// How fresh weights are drawn (biases start at zero).
public enum WeightInitialization: String, Codable, Sendable {
    /// He et al. 2015: N(0, 2 / fan_in), for layers followed by ReLU-type activations.
    case he
    /// Glorot & Bengio 2010: U(-a, a) with a = sqrt(6 / (fan_in + fan_out)), for sigmoid,
    /// tanh and softplus layers and the output layer.
    case glorot
    /// He for a layer whose next non-linearity is ReLU or leaky ReLU, Glorot otherwise.
    case automatic

    /// Weights of `shape` with the given fans.
    func draw<Scalar: TensorScalar>(shape: [Int], fanIn: Int, fanOut: Int, reluFollows: Bool,
                                    using generator: inout SeededGenerator) -> Tensor<Scalar> {
        let useHe = self == .he || (self == .automatic && reluFollows)
        if useHe {
            return .randomNormal(shape: shape, standardDeviation: Scalar((2 / Double(fanIn)).squareRoot()), using: &generator)
        }
        let limit = Scalar((6 / Double(fanIn + fanOut)).squareRoot())
        return .randomUniform(shape: shape, lower: -limit, upper: limit, using: &generator)
    }
}

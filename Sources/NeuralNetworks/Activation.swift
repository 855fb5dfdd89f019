/// The pointwise non-linearities a `ModelSpec` can name.
public enum Activation: String, Codable, Sendable, CaseIterable {
    /// max(0, x).
    case relu
    /// x for x > 0, `leakySlope` x otherwise (`LayerSpec.leakyReLU(slope:)` sets another slope).
    case leakyReLU
    /// 1 / (1 + e^-x).
    case sigmoid
    /// tanh x.
    case tanh
    /// log(1 + e^x).
    case softplus
}

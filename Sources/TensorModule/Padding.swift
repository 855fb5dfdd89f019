/// How a convolution or pooling window treats the border.
public enum Padding: String, Codable, Sendable {
    /// Pad so that the output has ceil(input / stride) positions (TensorFlow's 'SAME').
    case same
    /// No padding: floor((input - window) / stride) + 1 positions.
    case valid
}

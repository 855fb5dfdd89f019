/// The range image pixels are delivered in.
public enum PixelScale: String, Sendable, Codable, CaseIterable {
    /// Pixels in [0, 1]: the stored intensity divided by its maximum (255, or 16 for 8x8 digits).
    case unit
    /// Pixels in [0, 255], as Caffe's LeNet-5 in Peck et al. expects (8x8 digits are rescaled
    /// by 255/16).
    case byte

    /// The factor that maps a stored intensity with maximum `maximum` into this range.
    func factor(forMaximum maximum: Double) -> Double {
        switch self {
        case .unit: return 1 / maximum
        case .byte: return 255 / maximum
        }
    }
}

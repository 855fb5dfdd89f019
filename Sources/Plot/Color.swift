/// An sRGB colour with opacity, each component in [0, 1].
public struct Color: Codable, Sendable, Hashable {
    public var red: Double, green: Double, blue: Double, alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        (self.red, self.green, self.blue, self.alpha) = (red, green, blue, alpha)
    }

    /// A colour from "#RRGGBB" (or "RRGGBB").
    public init(hex: String, alpha: Double = 1) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        let value = Int(digits, radix: 16) ?? 0
        self.init(red: Double((value >> 16) & 0xFF) / 255, green: Double((value >> 8) & 0xFF) / 255,
                  blue: Double(value & 0xFF) / 255, alpha: alpha)
    }

    /// The same colour with opacity `alpha`.
    public func withAlpha(_ alpha: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: alpha) }

    /// Linear interpolation in sRGB: (1 - t) self + t other.
    public func mixed(with other: Color, _ t: Double) -> Color {
        Color(red: red + (other.red - red) * t, green: green + (other.green - green) * t,
              blue: blue + (other.blue - blue) * t, alpha: alpha + (other.alpha - alpha) * t)
    }

    /// The four components as bytes 0...255 (red, green, blue, opacity), for RGBA images.
    public var rgba8: [UInt8] {
        [red, green, blue, alpha].map { UInt8((min(max($0, 0), 1) * 255).rounded()) }
    }

    /// Relative luminance (ITU-R BT.709 weights on the sRGB components), to pick readable text.
    public var luminance: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }

    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 1, green: 1, blue: 1)
    public static let clear = Color(red: 0, green: 0, blue: 0, alpha: 0)

    /// The Okabe–Ito palette (Okabe & Ito 2008), distinguishable with every common colour-vision
    /// deficiency: black, orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple.
    public static let okabeIto: [Color] = ["#000000", "#E69F00", "#56B4E9", "#009E73",
                                           "#F0E442", "#0072B2", "#D55E00", "#CC79A7"].map { Color(hex: $0) }

    /// The series colours, Okabe–Ito starting from orange (black is kept for reference lines).
    public static func series(_ index: Int) -> Color {
        let cycle = Array(okabeIto.dropFirst()) + [okabeIto[0]]
        return cycle[index % cycle.count]
    }
}

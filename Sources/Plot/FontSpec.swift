/// A font request: a family Pango can resolve, a size in points, weight and slant.
public struct FontSpec: Codable, Sendable, Hashable {
    public var family: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool

    public init(family: String = "DejaVu Sans", size: Double, bold: Bool = false, italic: Bool = false) {
        (self.family, self.size, self.bold, self.italic) = (family, size, bold, italic)
    }
}

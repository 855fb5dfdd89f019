/// The extent of a laid-out string in points: its advance width and its height above and
/// below the baseline.
public struct TextExtent: Sendable, Equatable {
    public var width: Double, ascent: Double, descent: Double
    public init(width: Double, ascent: Double, descent: Double) {
        (self.width, self.ascent, self.descent) = (width, ascent, descent)
    }
    public var height: Double { ascent + descent }
}

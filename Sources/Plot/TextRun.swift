/// A string placed at a point, anchored horizontally and vertically, optionally rotated
/// (degrees counter-clockwise about the anchor).
public struct TextRun: Codable, Sendable, Equatable {
    public enum HorizontalAnchor: String, Codable, Sendable { case start, middle, end }
    public enum VerticalAnchor: String, Codable, Sendable { case top, middle, baseline, bottom }

    public var text: String
    public var position: Point
    public var font: FontSpec
    public var color: Color
    public var horizontal: HorizontalAnchor
    public var vertical: VerticalAnchor
    public var rotation: Double
    /// The box the text occupies after anchoring and rotation (filled in by layout, which
    /// measured it), for checks that nothing leaves the figure.
    public var bounds: Rect

    public init(text: String, position: Point, font: FontSpec, color: Color = .black,
                horizontal: HorizontalAnchor = .start, vertical: VerticalAnchor = .baseline,
                rotation: Double = 0, bounds: Rect) {
        self.text = text
        self.position = position
        self.font = font
        self.color = color
        self.horizontal = horizontal
        self.vertical = vertical
        self.rotation = rotation
        self.bounds = bounds
    }
}

/// How a line is drawn: colour, width in points, and a dash pattern (empty: solid).
public struct Stroke: Codable, Sendable, Equatable {
    public var color: Color, width: Double, dash: [Double]
    public init(color: Color, width: Double = 1, dash: [Double] = []) {
        (self.color, self.width, self.dash) = (color, width, dash)
    }
}

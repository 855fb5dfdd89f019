/// A position in points; the origin is the figure's top-left corner and y grows downwards.
public struct Point: Codable, Sendable, Hashable {
    public var x: Double, y: Double
    public init(_ x: Double, _ y: Double) { (self.x, self.y) = (x, y) }
}

/// A position in points; the origin is the figure's top-left corner and y grows downwards.
public struct Point: Codable, Sendable, Hashable {
    public var x: Double, y: Double
    public init(_ x: Double, _ y: Double) { (self.x, self.y) = (x, y) }
}

/// An axis-aligned rectangle in points.
public struct Rect: Codable, Sendable, Hashable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        (self.x, self.y, self.width, self.height) = (x, y, width, height)
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    /// Whether `other` lies inside this rectangle (with `tolerance` points of slack).
    public func contains(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        other.x >= x - tolerance && other.y >= y - tolerance
            && other.maxX <= maxX + tolerance && other.maxY <= maxY + tolerance
    }
}

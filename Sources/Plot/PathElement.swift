/// A piece of a path.
public enum PathElement: Codable, Sendable, Equatable {
    case move(Point)
    case line(Point)
    case close
    case rectangle(Rect)
    case circle(center: Point, radius: Double)
}

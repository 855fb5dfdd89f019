/// The shape of a scatter marker.
public enum MarkerShape: String, Codable, Sendable, CaseIterable {
    case circle, square, triangle, diamond, cross
}

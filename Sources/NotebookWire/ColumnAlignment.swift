/// How a table column's cells are aligned.
public enum ColumnAlignment: String, Sendable, Hashable, Codable {
    case left, center, right
}

/// A numbered figure or table that `@fig-x` / `@tbl-x` can point at.
public struct CrossReference: Sendable, Hashable {
    /// Whether it is a figure or a table.
    public enum Kind: String, Sendable {
        case figure = "Figure"
        case table = "Table"
    }

    /// Figure or table.
    public var kind: Kind
    /// Its number, from 1 per kind in document order.
    public var number: Int
    /// The HTML anchor / PDF destination.
    public var anchor: String

    /// "Figure 3" or "Table 1".
    public var text: String { "\(kind.rawValue) \(number)" }
}

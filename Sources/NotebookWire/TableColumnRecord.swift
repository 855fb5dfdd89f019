/// A table column as the report receives it: title, alignment and an optional group whose
/// title spans adjacent columns of the same group (e.g. "Accuracy" over "paper" and "Margin").
public struct TableColumnRecord: Sendable, Hashable, Codable {
    /// The column's title.
    public var title: String
    /// How its cells are aligned.
    public var alignment: ColumnAlignment
    /// The spanning title above this column, shared with adjacent columns of the same group.
    public var group: String?

    /// A column titled `title`.
    public init(title: String, alignment: ColumnAlignment = .left, group: String? = nil) {
        self.title = title
        self.alignment = alignment
        self.group = group
    }
}

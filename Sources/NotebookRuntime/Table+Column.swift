import NotebookWire

extension Table {
    /// A table column: title, number format, alignment (numbers right, text left by
    /// default) and an optional group title spanning adjacent columns of the same group.
    public struct Column: Sendable, Hashable, ExpressibleByStringLiteral {
        /// The column's title.
        public var title: String
        /// How numbers in the column are written (default `.automatic`).
        public var format: NumberFormat
        /// The alignment; nil aligns numeric columns right and others left.
        public var alignment: ColumnAlignment?
        /// The spanning header above this column, shared with adjacent columns of the same group.
        public var group: String?

        /// A column titled `title`.
        public init(_ title: String, format: NumberFormat = .automatic, alignment: ColumnAlignment? = nil,
                    group: String? = nil) {
            self.title = title
            self.format = format
            self.alignment = alignment
            self.group = group
        }

        /// A column titled by a string literal, with the default format.
        public init(stringLiteral title: String) {
            self.init(title)
        }

        /// Two columns under the group `metric`: "paper" (the published value) and "Margin"
        /// (ours), both written with `format`.
        public static func paperAndMargin(_ metric: String, format: NumberFormat = .automatic) -> [Column] {
            [Column("paper", format: format, group: metric), Column("Margin", format: format, group: metric)]
        }
    }
}

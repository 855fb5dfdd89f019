/// A table a cell showed, with every cell already formatted as text.
public struct TableRecord: Sendable, Hashable, Codable {
    /// The table's caption, if the table carries one (the cell's `caption` option otherwise).
    public var caption: String?
    /// The columns, left to right.
    public var columns: [TableColumnRecord]
    /// The rows; each has one text per column.
    public var rows: [[String]]
    /// Notes printed under the table (settings that differ from the paper, sources).
    public var notes: [String]

    /// A table with the given columns and formatted rows.
    public init(caption: String? = nil, columns: [TableColumnRecord], rows: [[String]], notes: [String] = []) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    /// Runs of adjacent columns sharing a group: (group title or nil, number of columns).
    /// Empty when no column has a group, so no spanning header row is needed.
    public var columnGroups: [(title: String?, span: Int)] {
        guard columns.contains(where: { $0.group != nil }) else { return [] }
        var groups: [(title: String?, span: Int)] = []
        for column in columns {
            if let last = groups.last, last.title != nil, last.title == column.group {
                groups[groups.count - 1].span += 1
            } else {
                groups.append((column.group, 1))
            }
        }
        return groups
    }
}

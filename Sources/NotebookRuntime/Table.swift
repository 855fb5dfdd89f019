import NotebookWire

/// A table for `show(_:)`: typed cells, per-column number formats, an optional caption and
/// notes. Reproductions put the paper's value beside Margin's with `Column.paperAndMargin`:
///
/// ```swift
/// var table = Table(caption: "Test accuracy under attack",
///                   columns: ["Attack"] + Table.Column.paperAndMargin("ε = 0.1", format: .percent(1)),
///                   notes: ["Margin: 5,000-image MNIST subset, 3 epochs (paper: full MNIST, 50 epochs)."])
/// table.append(["FGSM", 0.912, .number(accuracy)])
/// show(table)
/// ```
public struct Table: Sendable, Hashable {
    /// The caption (the cell's `caption` option is used when nil).
    public var caption: String?
    /// The columns, left to right.
    public var columns: [Column]
    /// The rows; each has one cell per column.
    public var rows: [[Cell]]
    /// Notes printed under the table: settings that differ from the paper, sources.
    public var notes: [String]

    /// A table with `columns` and optional `rows`, `caption` and `notes`.
    public init(caption: String? = nil, columns: [Column], rows: [[Cell]] = [], notes: [String] = []) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    /// Appends a row; it must have one cell per column.
    public mutating func append(_ row: [Cell]) {
        precondition(row.count == columns.count,
                     "a row of \(row.count) cells does not fit a table of \(columns.count) columns")
        rows.append(row)
    }

    /// The table as the report receives it, every cell formatted by its column's format.
    public var record: TableRecord {
        TableRecord(caption: caption,
                    columns: columns.indices.map { index in
                        let column = columns[index]
                        let numeric = rows.contains { row in
                            if case .number = row[index] { return true }
                            return false
                        }
                        return TableColumnRecord(title: column.title,
                                                 alignment: column.alignment ?? (numeric ? .right : .left),
                                                 group: column.group)
                    },
                    rows: rows.map { row in zip(row, columns).map { cell, column in cell.formatted(column.format) } },
                    notes: notes)
    }
}

/// Shows `table` in the report at this point of the current cell's output.
public func show(_ table: Table) {
    NotebookSession.shared.send(.table(table.record))
}

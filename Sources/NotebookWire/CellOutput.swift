/// One thing a cell produced, in the order it produced it.
public enum CellOutput: Sendable, Hashable, Codable {
    /// Text the cell printed to standard output.
    case text(String)
    /// Text the cell wrote to standard error (warnings, a crash report).
    case errorText(String)
    /// A figure sent with `show(figure)`.
    case figure(FigureRecord)
    /// A table sent with `show(table)`.
    case table(TableRecord)
    /// Markdown sent with `markdown(_:)`, woven into the report like prose.
    case markdown(String)
}

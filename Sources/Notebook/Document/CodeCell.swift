import NotebookWire

/// One ```` ```swift ```` cell of a notebook.
public struct CodeCell: Sendable, Hashable, Codable {
    /// Position among the notebook's cells, from 0.
    public var index: Int
    /// The code between the fences, including the `//|` option lines (they are comments).
    public var code: String
    /// The code without the leading `//|` option lines, as the report shows it.
    public var displayCode: String
    /// The cell's options.
    public var options: CellOptions
    /// Where the opening fence is.
    public var fenceLocation: SourceLocation
    /// The notebook line of the code's first line (the line after the fence).
    public var firstCodeLine: Int
    /// The notebook line of the code's last line.
    public var lastCodeLine: Int

    /// A cell at position `index` with the given code and options.
    public init(index: Int, code: String, displayCode: String, options: CellOptions,
                fenceLocation: SourceLocation, firstCodeLine: Int, lastCodeLine: Int) {
        self.index = index
        self.code = code
        self.displayCode = displayCode
        self.options = options
        self.fenceLocation = fenceLocation
        self.firstCodeLine = firstCodeLine
        self.lastCodeLine = lastCodeLine
    }

    /// A short name for progress lines and messages: `cell 3 (fig-loss)` (numbered from 1).
    public var displayName: String {
        "cell \(index + 1)" + (options.label.map { " (\($0))" } ?? "")
    }

    /// The report anchor of the cell, `cell-N` (numbered from 1); its label names its
    /// figure or table instead.
    public var anchor: String { "cell-\(index + 1)" }
}

import NotebookWire

/// The options of one Swift cell, written Quarto-style as `//| key: value` lines at the
/// top of the cell (comments, so the cell stays valid Swift).
///
/// ```swift
/// //| label: fig-loss
/// //| caption: Training loss per epoch.
/// //| echo: false
/// //| fig-width: 360
/// ```
public struct CellOptions: Sendable, Hashable, Codable {
    /// The cell's label; `fig-…` numbers its figures, `tbl-…` its tables, for `@fig-…` references.
    public var label: String?
    /// Caption of the figure or table the cell shows.
    public var caption: String?
    /// Whether the code appears in the report (default true).
    public var echo: Bool
    /// Whether the cell runs (default true); a cell that does not run shows only its code.
    public var eval: Bool
    /// What happens to what the cell prints and shows (default `.show`).
    public var output: OutputMode
    /// Whether the cell's results may come from the cache (default true). A cell with
    /// `cache: false` runs on every render, and so does every cell after it.
    public var cache: Bool
    /// Width of the cell's figures in points (default 432, 6 inches).
    public var figureWidth: Double
    /// Height of the cell's figures in points (default 288, 4 inches).
    public var figureHeight: Double
    /// Time limit for the cell in seconds; nil uses the front matter's `timeout`.
    public var timeout: Double?
    /// How shown code is folded in HTML (default `.none`).
    public var codeFolding: CodeFolding

    /// Options with every default.
    public init(label: String? = nil, caption: String? = nil, echo: Bool = true, eval: Bool = true,
                output: OutputMode = .show, cache: Bool = true,
                figureWidth: Double = FigureRecord.defaultWidth,
                figureHeight: Double = FigureRecord.defaultHeight,
                timeout: Double? = nil, codeFolding: CodeFolding = .none) {
        self.label = label
        self.caption = caption
        self.echo = echo
        self.eval = eval
        self.output = output
        self.cache = cache
        self.figureWidth = figureWidth
        self.figureHeight = figureHeight
        self.timeout = timeout
        self.codeFolding = codeFolding
    }
}

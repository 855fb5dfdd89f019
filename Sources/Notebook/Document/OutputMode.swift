/// What a cell's `output` option does with the cell's results (Quarto's `output`).
public enum OutputMode: String, Sendable, Hashable, Codable {
    /// Show printed text and rich outputs (the default).
    case show
    /// Run the cell but show nothing it produces.
    case hide
    /// Treat the cell's printed text as Markdown and weave it into the prose.
    case asis
}

import Notebook
import NotebookWire

/// A cell output ready to write: figures and tables numbered and captioned, Markdown parsed.
public enum WovenOutput: Sendable {
    /// Printed text (all of it, or the head or tail of a long output).
    case text(String)
    /// The line standing for the middle of a long printed output (`OutputExcerpt`).
    case omission(OmittedOutput)
    /// Standard error text (warnings, crash reports).
    case errorText(String)
    /// A figure with its number, anchor and caption (inline Markdown), and for a rasterised
    /// figure the path of its SVG relative to the report folder (`figures/fig-cloud.svg`).
    case figure(FigureRecord, CrossReference, caption: MarkdownNode?, vectorFile: String?)
    /// A table with its number, anchor and caption (inline Markdown).
    case table(TableRecord, CrossReference, caption: MarkdownNode?)
    /// Markdown sent by the cell (or its text with `output: asis`).
    case markdown(MarkdownNode)
}

import Notebook
import NotebookWire

/// A cell output ready to write: figures and tables numbered and captioned, Markdown parsed.
public enum WovenOutput: Sendable {
    /// Printed text.
    case text(String)
    /// Standard error text (warnings, crash reports).
    case errorText(String)
    /// A figure with its number, anchor and caption (inline Markdown).
    case figure(FigureRecord, CrossReference, caption: MarkdownNode?)
    /// A table with its number, anchor and caption (inline Markdown).
    case table(TableRecord, CrossReference, caption: MarkdownNode?)
    /// Markdown sent by the cell (or its text with `output: asis`).
    case markdown(MarkdownNode)
}

import Notebook

/// A block of the woven report, in document order.
public enum WovenBlock: Sendable {
    /// Prose.
    case prose(MarkdownNode)
    /// A cell: its code (shown or not per its options), result and woven outputs.
    case cell(CodeCell, CellResult?, [WovenOutput])
}

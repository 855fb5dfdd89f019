/// A piece of a notebook, in document order: prose or a Swift cell.
public enum NotebookBlock: Sendable, Hashable, Codable {
    case prose(ProseBlock)
    case cell(CodeCell)
}

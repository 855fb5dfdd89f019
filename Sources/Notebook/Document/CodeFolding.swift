/// How a shown cell's code appears in the HTML report (Quarto's `code-fold`).
public enum CodeFolding: String, Sendable, Hashable, Codable {
    /// The code is shown as a block (the default).
    case none
    /// The code is behind a collapsed "Code" disclosure.
    case folded
    /// The code is behind a disclosure that starts open.
    case open
}

/// The middle of a cell's printed output that the report leaves out (see `OutputExcerpt`),
/// and the file beside the report that holds the whole output.
public struct OmittedOutput: Sendable, Hashable {
    /// How many lines were left out.
    public var lines: Int
    /// The file with the whole output, relative to the report folder (`output/cell-3.txt`).
    public var file: String

    /// "… 19600 lines omitted (the whole output: output/cell-3.txt) …", the path given
    /// by `link` (for HTML, an anchor; plain by default).
    public func message(link: (String) -> String = { $0 }) -> String {
        "… \(lines) line\(lines == 1 ? "" : "s") omitted (the whole output: \(link(file))) …"
    }
}

/// A place in a notebook's Markdown file: `path:line[:column]`, lines and columns from 1.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The notebook file as the user named it (absolute or relative path).
    public var file: String
    /// Line number, counting from 1.
    public var line: Int
    /// Column number, counting from 1, when known.
    public var column: Int?

    /// A location at `file:line[:column]`.
    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line` or `file:line:column`, the form compilers and editors understand.
    public var description: String {
        column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    }
}

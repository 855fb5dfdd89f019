import Foundation

/// A problem with a notebook that the user can fix: it names where (`file:line`), what went
/// wrong, and how to fix it.
public struct NotebookError: Error, Sendable, Hashable, Codable, CustomStringConvertible, LocalizedError {
    /// What kind of problem this is; the CLI maps kinds to exit codes.
    public enum Kind: String, Sendable, Codable {
        /// The notebook's text is invalid: front matter, a cell option, a parameter declaration.
        case invalidNotebook
        /// A `-P name=value` assignment that does not match the declared parameters.
        case invalidParameter
        /// The generated program did not compile.
        case compileError
        /// The program trapped, crashed or exited with a non-zero status.
        case runtimeError
        /// A cell ran longer than its timeout.
        case timeout
        /// The library, toolchain or a file could not be found or used.
        case environment
    }

    /// What kind of problem this is.
    public var kind: Kind
    /// Where in the notebook, when known.
    public var location: SourceLocation?
    /// What went wrong, one sentence.
    public var message: String
    /// How to fix it, when there is advice to give.
    public var hint: String?
    /// Further detail: compiler diagnostics, a crash report, the cell's stderr.
    public var detail: String?

    /// An error of `kind` at `location` saying `message`, with an optional `hint` and `detail`.
    public init(_ kind: Kind, at location: SourceLocation? = nil, _ message: String,
                hint: String? = nil, detail: String? = nil) {
        self.kind = kind
        self.location = location
        self.message = message
        self.hint = hint
        self.detail = detail
    }

    /// `file:line: error: message` followed by the hint and detail on their own lines.
    public var description: String {
        var text = location.map { "\($0): error: " } ?? "error: "
        text += message
        if let hint { text += "\n  hint: \(hint)" }
        if let detail, !detail.isEmpty { text += "\n" + detail }
        return text
    }

    /// The same text as `description`.
    public var errorDescription: String? { description }
}

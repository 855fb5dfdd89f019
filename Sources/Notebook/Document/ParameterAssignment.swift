import Foundation
import NotebookWire

/// A `name=value` assignment from the command line (`-P epochs=3`), not yet checked against
/// the notebook's declarations (`FrontMatter.bindings(for:)` does that).
public struct ParameterAssignment: Sendable, Hashable, CustomStringConvertible {
    /// The parameter's name, without surrounding spaces.
    public var name: String
    /// The value as written after the first `=`.
    public var text: String

    /// The assignment of `text` to the parameter `name`.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// Parses `name=value`, splitting at the first `=`.
    ///
    /// Throws `NotebookError.invalidParameter` when there is no `=` or no name before it.
    public init(parsing assignment: String) throws {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw NotebookError(.invalidParameter, "parameter assignment `\(assignment)` has no `=`",
                                hint: "write -P name=value")
        }
        let name = String(assignment[..<equals]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            throw NotebookError(.invalidParameter, "parameter assignment `\(assignment)` names no parameter",
                                hint: "write -P name=value")
        }
        self.init(name: name, text: String(assignment[assignment.index(after: equals)...]))
    }

    /// `name=value`, the form `init(parsing:)` reads.
    public var description: String { "\(name)=\(text)" }
}

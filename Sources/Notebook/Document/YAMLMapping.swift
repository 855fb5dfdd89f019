import NotebookWire
import Yams

/// A YAML mapping read from a notebook (front matter or `//|` cell options), whose entries
/// remember the notebook line they came from so that errors can point at it.
struct YAMLMapping {
    /// One `key: value` entry.
    struct Entry {
        let key: String
        let value: Node
        let location: SourceLocation
    }

    let entries: [Entry]

    /// Parses `text` whose first line is line `firstLine` of `file`; an empty text is an empty
    /// mapping. Throws `NotebookError.invalidNotebook` at the offending line when `text` is not
    /// a YAML mapping with string keys, or repeats a key.
    init(parsing text: String, file: String, firstLine: Int, what: String) throws {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw YAMLMapping.notebookError(from: error, file: file, firstLine: firstLine, what: what)
        }
        guard let node else {
            entries = []
            return
        }
        guard let mapping = node.mapping else {
            throw NotebookError(.invalidNotebook, at: YAMLMapping.location(of: node, file: file, firstLine: firstLine),
                                "\(what) must be a YAML mapping of `key: value` lines",
                                hint: "write one `key: value` per line")
        }
        var seen = Set<String>()
        entries = try mapping.map { key, value in
            let location = YAMLMapping.location(of: key, file: file, firstLine: firstLine)
            guard let name = key.string else {
                throw NotebookError(.invalidNotebook, at: location, "\(what) keys must be plain names")
            }
            guard seen.insert(name).inserted else {
                throw NotebookError(.invalidNotebook, at: location, "\(what) sets `\(name)` twice",
                                    hint: "keep one of the two lines")
            }
            return Entry(key: name, value: value, location: location)
        }
    }

    /// The notebook location of `node`.
    static func location(of node: Node, file: String, firstLine: Int) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + (node.mark?.line ?? 1) - 1, column: node.mark?.column)
    }

    private static func notebookError(from error: YamlError, file: String, firstLine: Int,
                                      what: String) -> NotebookError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return NotebookError(.invalidNotebook,
                                 at: SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column),
                                 "\(what) is not valid YAML: \(problem)",
                                 hint: "quote values that contain `:` or `#`, and indent nested keys consistently")
        default:
            return NotebookError(.invalidNotebook, at: SourceLocation(file: file, line: firstLine),
                                 "\(what) is not valid YAML: \(error)")
        }
    }
}

extension YAMLMapping.Entry {
    /// The value as a string (any scalar), or an error naming the key.
    func string() throws -> String {
        guard let scalar = value.scalar else { throw typeError("a text value") }
        return scalar.string
    }

    /// The value as a Boolean, or an error naming the key.
    func bool() throws -> Bool {
        guard let bool = value.bool else { throw typeError("true or false") }
        return bool
    }

    /// The value as a non-negative number, or an error naming the key.
    func nonNegativeNumber() throws -> Double {
        guard let number = value.float ?? value.int.map(Double.init), number.isFinite, number >= 0 else {
            throw typeError("a non-negative number")
        }
        return number
    }

    /// The value as a list of strings (a single scalar counts as a one-element list).
    func strings() throws -> [String] {
        if let scalar = value.scalar { return [scalar.string] }
        guard let sequence = value.sequence else { throw typeError("a list such as [a, b]") }
        return try sequence.map { item in
            guard let scalar = item.scalar else { throw typeError("a list of text values") }
            return scalar.string
        }
    }

    /// An error saying the key's value must be `expected`.
    func typeError(_ expected: String) -> NotebookError {
        NotebookError(.invalidNotebook, at: location, "`\(key)` must be \(expected)")
    }
}

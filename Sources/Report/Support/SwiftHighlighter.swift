/// Splits Swift source into tokens for syntax highlighting in the HTML and PDF reports:
/// keywords, type names (capitalised identifiers), literals, comments, attributes and the
/// rest. A lexer, not a parser: good enough to colour code, never used to check it.
public enum SwiftHighlighter {
    /// The kind of a token.
    public enum TokenKind: String, Sendable {
        case plain, keyword, type, string, number, comment, attribute
    }

    /// A run of source text of one kind.
    public struct Token: Sendable, Hashable {
        /// Its kind.
        public var kind: TokenKind
        /// Its text.
        public var text: String
    }

    static let keywords: Set<String> = [
        "actor", "any", "as", "async", "await", "break", "case", "catch", "class", "continue", "default", "defer",
        "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "for", "func", "guard", "if",
        "import", "in", "init", "inout", "internal", "is", "let", "mutating", "nil", "nonisolated", "open",
        "operator", "private", "protocol", "public", "repeat", "rethrows", "return", "self", "Self", "some",
        "static", "struct", "subscript", "super", "switch", "throw", "throws", "true", "try", "typealias", "var",
        "where", "while",
    ]

    /// The tokens of `source`; concatenating their texts gives `source` back.
    public static func tokens(_ source: String) -> [Token] {
        let characters = Array(source)
        var tokens: [Token] = []
        var index = 0
        func append(_ kind: TokenKind, _ end: Int) {
            let text = String(characters[index..<end])
            if let last = tokens.last, last.kind == kind {
                tokens[tokens.count - 1].text += text
            } else {
                tokens.append(Token(kind: kind, text: text))
            }
            index = end
        }
        func scan(while condition: (Character) -> Bool, from start: Int) -> Int {
            var end = start
            while end < characters.count, condition(characters[end]) { end += 1 }
            return end
        }
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "/", next == "/" {
                append(.comment, scan(while: { $0 != "\n" }, from: index))
            } else if character == "/", next == "*" {
                var end = index + 2
                while end < characters.count, !(characters[end] == "*" && end + 1 < characters.count && characters[end + 1] == "/") {
                    end += 1
                }
                append(.comment, min(end + 2, characters.count))
            } else if character == "\"" {
                var end = index + 1
                while end < characters.count, characters[end] != "\"", characters[end] != "\n" {
                    end += characters[end] == "\\" ? 2 : 1
                }
                append(.string, min(end + 1, characters.count))
            } else if character.isNumber {
                append(.number, numberEnd(characters, from: index))
            } else if character == "@" || character == "#" {
                append(.attribute, scan(while: { $0.isLetter || $0.isNumber || $0 == "_" }, from: index + 1))
            } else if character.isLetter || character == "_" {
                let end = scan(while: { $0.isLetter || $0.isNumber || $0 == "_" }, from: index)
                let word = String(characters[index..<end])
                append(keywords.contains(word) ? .keyword : (word.first!.isUppercase ? .type : .plain), end)
            } else {
                append(.plain, index + 1)
            }
        }
        return tokens
    }

    /// The end of the numeric literal at `start`: digits and `_`, a fraction only when a digit
    /// follows the `.` (so `1...n` stays a range), an exponent, or hexadecimal after `0x`.
    private static func numberEnd(_ characters: [Character], from start: Int) -> Int {
        func digits(from index: Int, hex: Bool = false) -> Int {
            var end = index
            while end < characters.count, characters[end] == "_" || (hex ? characters[end].isHexDigit : characters[end].isNumber) {
                end += 1
            }
            return end
        }
        if characters[start] == "0", start + 1 < characters.count, characters[start + 1] == "x" {
            return digits(from: start + 2, hex: true)
        }
        var end = digits(from: start)
        if end + 1 < characters.count, characters[end] == ".", characters[end + 1].isNumber { end = digits(from: end + 1) }
        if end + 1 < characters.count, characters[end] == "e" || characters[end] == "E",
           characters[end + 1].isNumber || characters[end + 1] == "-" || characters[end + 1] == "+" {
            end = digits(from: end + 2)
        }
        return end
    }
}

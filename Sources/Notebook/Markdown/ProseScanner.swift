import Foundation

/// Finds math (`$…$`, `$$…$$`) and cross-references (`@fig-x`, `@tbl-x`) in Markdown source
/// outside code, and replaces each with a placeholder that Markdown parsing leaves alone
/// (private-use characters around a number), so that `_` or `*` inside math never becomes
/// emphasis. `MarkdownParser` turns the placeholders back into `.math` and
/// `.crossReference` nodes.
///
/// Rules follow Pandoc's `tex_math_dollars`: an opening `$` is followed by a non-space, a
/// closing `$` is preceded by a non-space and not followed by a digit; `\$` is a literal
/// dollar; math does not cross a blank line.
struct ProseScanner {
    /// A span that a placeholder stands for.
    enum Token {
        case math(MathExpression)
        case reference(String)
    }

    static let opening: Character = "\u{E000}"
    static let closing: Character = "\u{E001}"

    /// The source with placeholders.
    private(set) var text = ""
    /// What each placeholder stands for, by its number.
    private(set) var tokens: [Token] = []

    /// Scans `source`.
    init(_ source: String) {
        var inFence: String?
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var paragraph: [Substring] = []
        var output: [String] = []
        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            output.append(scanInline(paragraph.joined(separator: "\n")))
            paragraph = []
        }
        for line in lines {
            let trimmed = line.drop(while: { $0 == " " })
            if let fence = inFence {
                output.append(String(line))
                if trimmed.hasPrefix(fence) { inFence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flushParagraph()
                inFence = String(trimmed.prefix(3))
                output.append(String(line))
            } else if trimmed.isEmpty {
                flushParagraph()
                output.append(String(line))
            } else {
                paragraph.append(line)
            }
        }
        flushParagraph()
        text = output.joined(separator: "\n")
    }

    private mutating func placeholder(for token: Token) -> String {
        tokens.append(token)
        return "\(ProseScanner.opening)\(tokens.count - 1)\(ProseScanner.closing)"
    }

    /// Replaces math and references in one paragraph (no blank lines, no fences).
    private mutating func scanInline(_ paragraph: String) -> String {
        let characters = Array(paragraph)
        var result = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                result.append(character)
                result.append(characters[index + 1])
                index += 2
            } else if character == "`" {
                let end = codeSpanEnd(characters, from: index)
                result.append(contentsOf: characters[index..<end])
                index = end
            } else if character == "$", let (expression, end) = math(characters, from: index) {
                result += placeholder(for: .math(expression))
                index = end
            } else if character == "@", let (label, end) = reference(characters, from: index) {
                result += placeholder(for: .reference(label))
                index = end
            } else {
                result.append(character)
                index += 1
            }
        }
        return result
    }

    /// The index after the code span starting at `start`, or after its opening backticks
    /// when it is never closed.
    private func codeSpanEnd(_ characters: [Character], from start: Int) -> Int {
        var runEnd = start
        while runEnd < characters.count, characters[runEnd] == "`" { runEnd += 1 }
        let runLength = runEnd - start
        var index = runEnd
        while index < characters.count {
            if characters[index] == "`" {
                var closeEnd = index
                while closeEnd < characters.count, characters[closeEnd] == "`" { closeEnd += 1 }
                if closeEnd - index == runLength { return closeEnd }
                index = closeEnd
            } else {
                index += 1
            }
        }
        return runEnd
    }

    private func math(_ characters: [Character], from start: Int) -> (MathExpression, Int)? {
        let isDisplay = start + 1 < characters.count && characters[start + 1] == "$"
        let contentStart = start + (isDisplay ? 2 : 1)
        guard contentStart < characters.count else { return nil }
        if !isDisplay, characters[contentStart].isWhitespace { return nil }
        var index = contentStart
        while index < characters.count {
            if characters[index] == "\\" {
                index += 2
                continue
            }
            if characters[index] == "$" {
                if isDisplay {
                    guard index + 1 < characters.count, characters[index + 1] == "$" else { return nil }
                    let tex = String(characters[contentStart..<index]).trimmingCharacters(in: .whitespacesAndNewlines)
                    return (MathExpression(tex: tex, isDisplay: true), index + 2)
                }
                let followedByDigit = index + 1 < characters.count && characters[index + 1].isNumber
                if !characters[index - 1].isWhitespace, !followedByDigit {
                    return (MathExpression(tex: String(characters[contentStart..<index]), isDisplay: false), index + 1)
                }
                return nil
            }
            index += 1
        }
        return nil
    }

    private func reference(_ characters: [Character], from start: Int) -> (String, Int)? {
        if start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber { return nil }
        var end = start + 1
        while end < characters.count,
              characters[end].isLetter || characters[end].isNumber || characters[end] == "-" || characters[end] == "_" {
            end += 1
        }
        while end > start + 1, characters[end - 1] == "-" { end -= 1 }
        let label = String(characters[(start + 1)..<end])
        guard label.hasPrefix("fig-") || label.hasPrefix("tbl-"), label.count > 4 else { return nil }
        return (label, end)
    }
}

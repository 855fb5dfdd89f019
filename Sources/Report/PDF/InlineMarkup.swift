import Foundation

/// Pango markup built piece by piece, tracking the byte offsets of its visible text so that
/// link rectangles (cross-references, URLs) can be found in the laid-out text.
struct InlineMarkup {
    /// A link over the visible bytes `start..<end`.
    struct Link {
        var start: Int
        var end: Int
        /// A cairo link attribute: `dest='fig-1'` or `uri='https://…'`.
        var target: String
    }

    private(set) var markup = ""
    private(set) var visibleBytes = 0
    private(set) var links: [Link] = []

    /// Appends visible `text`, escaped.
    mutating func text(_ text: String) {
        markup += InlineMarkup.escape(text)
        visibleBytes += text.utf8.count
    }

    /// Appends markup whose visible text is its content without tags and entities.
    mutating func markup(_ fragment: String) {
        markup += fragment
        visibleBytes += InlineMarkup.visibleText(of: fragment).utf8.count
    }

    /// Appends an opening or closing tag (no visible text).
    mutating func tag(_ tag: String) {
        markup += tag
    }

    /// Appends `body` as a link to `target`.
    mutating func link(_ target: String, _ body: (inout InlineMarkup) -> Void) {
        let start = visibleBytes
        tag("<span foreground=\"#1f5fa8\">")
        body(&self)
        tag("</span>")
        links.append(Link(start: start, end: visibleBytes, target: target))
    }

    /// Text escaped for Pango markup.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "'": result += "&#39;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The visible text of a markup fragment.
    static func visibleText(of fragment: String) -> String {
        fragment.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Escaping for XHTML-compatible output: text and attribute values with `&`, `<`, `>` and `"`
/// escaped, and characters XML forbids (control characters such as terminal colour codes)
/// dropped, so the report parses as XML as well as HTML.
enum HTMLText {
    /// `text` escaped for element content or a double-quoted attribute.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n", "\t", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) || (0xE000...0xF8FF).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

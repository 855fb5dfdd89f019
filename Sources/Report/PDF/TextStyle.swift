/// How the PDF typesetter sets a block of text.
struct TextStyle {
    /// A Pango font description, e.g. "DejaVu Serif 10".
    var font: String
    /// Justify lines (all but the last).
    var justify = false
    /// Centre lines.
    var center = false
    /// Text colour (red, green, blue in 0…1).
    var color = (0.11, 0.11, 0.12)
    /// Space above, in points.
    var spaceBefore = 0.0
    /// Space below, in points.
    var spaceAfter = 6.0
    /// Wrap at any character (for code, whose long lines must not overflow).
    var wrapAnywhere = false

    static let body = TextStyle(font: "DejaVu Serif 10", justify: true)
    static let code = TextStyle(font: "DejaVu Sans Mono 8", spaceAfter: 0, wrapAnywhere: true)
    static let caption = TextStyle(font: "DejaVu Sans 8.5", center: true, color: (0.3, 0.3, 0.33), spaceBefore: 4, spaceAfter: 10)
    static let small = TextStyle(font: "DejaVu Sans 8", color: (0.3, 0.3, 0.33), spaceAfter: 2)

    /// The style of a heading of `level` (1 = `#`).
    static func heading(_ level: Int) -> TextStyle {
        let size = [16.0, 13.5, 11.5, 10.5][min(max(level, 1), 4) - 1]
        return TextStyle(font: "DejaVu Sans Bold \(size)", spaceBefore: level == 1 ? 14 : 10, spaceAfter: 6)
    }
}

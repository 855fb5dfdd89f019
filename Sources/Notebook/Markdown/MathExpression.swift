/// A TeX math expression found in prose: `$…$` (inline) or `$$…$$` (display).
public struct MathExpression: Sendable, Hashable, Codable {
    /// The TeX source between the dollar signs, trimmed.
    public var tex: String
    /// Whether it was display math (`$$…$$`), set on its own line.
    public var isDisplay: Bool

    /// An expression with TeX source `tex`.
    public init(tex: String, isDisplay: Bool) {
        self.tex = tex
        self.isDisplay = isDisplay
    }
}

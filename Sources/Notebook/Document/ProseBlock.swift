/// Markdown text between cells, with the notebook line it starts on.
public struct ProseBlock: Sendable, Hashable, Codable {
    /// The Markdown source.
    public var markdown: String
    /// The notebook line of its first line.
    public var firstLine: Int

    /// A prose block of `markdown` starting at notebook line `firstLine`.
    public init(markdown: String, firstLine: Int) {
        self.markdown = markdown
        self.firstLine = firstLine
    }

    /// The parsed Markdown.
    public var document: MarkdownNode { MarkdownParser.parse(markdown, firstLine: firstLine) }
}

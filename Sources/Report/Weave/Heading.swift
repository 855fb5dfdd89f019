/// A heading of the report, for the table of contents and the PDF outline.
public struct Heading: Sendable, Hashable {
    /// 1 for `#`, 2 for `##`, …
    public var level: Int
    /// The heading's text without markup.
    public var text: String
    /// Its unique anchor (a slug of the text).
    public var anchor: String
}

import NotebookWire

/// A node of a parsed Markdown document (CommonMark + GFM tables, strikethrough, autolinks,
/// task lists), with math and cross-references (`@fig-x`) as nodes of their own.
public struct MarkdownNode: Sendable, Hashable {
    /// What the node is; containers keep their content in `children`.
    public enum Kind: Sendable, Hashable {
        case document
        case paragraph
        case heading(level: Int)
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item(checked: Bool?)
        case codeBlock(language: String, code: String)
        case htmlBlock(String)
        case thematicBreak
        case table(alignments: [ColumnAlignment?])
        case tableRow(isHeader: Bool)
        case tableCell
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(source: String, title: String)
        case inlineHTML(String)
        case math(MathExpression)
        case crossReference(label: String)
    }

    /// What the node is.
    public var kind: Kind
    /// Child nodes, in order.
    public var children: [MarkdownNode]
    /// The notebook line the node starts on (0 when unknown, e.g. for inline nodes).
    public var line: Int

    /// A node of `kind` with `children`, starting at notebook line `line`.
    public init(_ kind: Kind, children: [MarkdownNode] = [], line: Int = 0) {
        self.kind = kind
        self.children = children
        self.line = line
    }

    /// The text of the node and its descendants without markup (math as its TeX source,
    /// references as their label), for headings in tables of contents and PDF outlines.
    public var plainText: String {
        switch kind {
        case .text(let text), .code(let text): text
        case .softBreak, .lineBreak: " "
        case .math(let expression): expression.tex
        case .crossReference(let label): "@" + label
        default: children.map(\.plainText).joined()
        }
    }

    /// The display math expression when this is a paragraph holding only `$$…$$`.
    public var displayMath: MathExpression? {
        guard case .paragraph = kind else { return nil }
        let content = children.filter { node in
            if case .softBreak = node.kind { return false }
            if case .text(let text) = node.kind { return !text.allSatisfy(\.isWhitespace) }
            return true
        }
        guard content.count == 1, case .math(let expression) = content[0].kind, expression.isDisplay else { return nil }
        return expression
    }
}

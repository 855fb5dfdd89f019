import Notebook

extension PDFWriter {
    /// Typesets Markdown blocks; headings get destinations, outline entries and keep-with-next.
    func blocks(_ node: MarkdownNode, _ typesetter: PDFTypesetter, headingIndex: inout Int, indent: Double = 0) {
        switch node.kind {
        case .document:
            for child in node.children { blocks(child, typesetter, headingIndex: &headingIndex, indent: indent) }
        case .heading(let level):
            let heading = headingIndex < report.headings.count ? report.headings[headingIndex] : nil
            headingIndex += 1
            typesetter.ensureSpace(70)
            let style = TextStyle.heading(level)
            typesetter.skip(style.spaceBefore)
            if let heading {
                typesetter.destination(heading.anchor)
                typesetter.outline(heading.text, level: level, destination: heading.anchor)
            }
            var unspaced = style
            unspaced.spaceBefore = 0
            typesetter.text(inline(node), style: unspaced, indent: indent)
        case .paragraph:
            if let expression = node.displayMath {
                var markup = InlineMarkup()
                markup.markup(UnicodeMath.markup(expression.tex))
                typesetter.text(markup, style: TextStyle(font: "DejaVu Serif 10.5", center: true, spaceBefore: 2, spaceAfter: 8),
                                indent: indent)
            } else {
                typesetter.text(inline(node), style: .body, indent: indent)
            }
        case .blockQuote:
            for child in node.children { blocks(child, typesetter, headingIndex: &headingIndex, indent: indent + 18) }
        case .list(let ordered, let start, _):
            for (offset, item) in node.children.enumerated() {
                let marker = ordered ? "\(start + offset)." : "•"
                typesetter.ensureSpace(14)
                typesetter.draw(InlineMarkup.escape(marker), style: .body, x: typesetter.left + indent, y: typesetter.cursor,
                                width: 16, alignRight: ordered)
                for child in item.children {
                    blocks(child, typesetter, headingIndex: &headingIndex, indent: indent + 20)
                }
            }
        case .codeBlock(_, let code):
            var markup = InlineMarkup()
            markup.text(code.hasSuffix("\n") ? String(code.dropLast()) : code)
            typesetter.text(markup, style: .code, indent: indent, background: (0.965, 0.973, 0.98))
            typesetter.skip(6)
        case .thematicBreak:
            typesetter.skip(6)
            typesetter.rule(thickness: 0.5, gray: 0.7)
            typesetter.skip(6)
        case .table:
            proseTable(node, typesetter)
        default:
            break
        }
    }

    /// Inline content of `node` as markup.
    func inline(_ node: MarkdownNode) -> InlineMarkup {
        var markup = InlineMarkup()
        for child in node.children { appendInline(child, to: &markup) }
        return markup
    }

    /// Appends one inline node.
    func appendInline(_ node: MarkdownNode, to markup: inout InlineMarkup) {
        func children(_ markup: inout InlineMarkup) {
            for child in node.children { appendInline(child, to: &markup) }
        }
        switch node.kind {
        case .text(let text): markup.text(text)
        case .softBreak: markup.text(" ")
        case .lineBreak: markup.text("\n")
        case .code(let code):
            markup.tag("<span font_family=\"DejaVu Sans Mono\" size=\"90%\" background=\"#f0f2f5\">")
            markup.text(code)
            markup.tag("</span>")
        case .emphasis:
            markup.tag("<i>"); children(&markup); markup.tag("</i>")
        case .strong:
            markup.tag("<b>"); children(&markup); markup.tag("</b>")
        case .strikethrough:
            markup.tag("<s>"); children(&markup); markup.tag("</s>")
        case .link(let destination, _):
            let target = destination.hasPrefix("#") ? "dest='\(destination.dropFirst())'" : "uri='\(destination)'"
            markup.link(target) { children(&$0) }
        case .image:
            markup.text("[image: \(node.plainText)]")
        case .math(let expression):
            markup.markup(UnicodeMath.markup(expression.tex))
        case .crossReference(let label):
            if let reference = report.references[label] {
                markup.link("dest='\(reference.anchor)'") { $0.text(reference.text.replacingOccurrences(of: " ", with: "\u{00A0}")) }
            } else {
                markup.tag("<span foreground=\"#c62828\">"); markup.text("?@\(label)"); markup.tag("</span>")
            }
        case .inlineHTML, .htmlBlock: break
        default: children(&markup)
        }
    }
}

import Foundation
import Notebook

extension HTMLWriter {
    /// Renders a Markdown tree; `headingIndex` counts headings so each gets the anchor that
    /// `WovenReport.headings` assigned, in document order.
    func markdown(_ node: MarkdownNode, headingIndex: inout Int, tight: Bool = false) -> String {
        func children(tight: Bool = false) -> String {
            node.children.map { markdown($0, headingIndex: &headingIndex, tight: tight) }.joined()
        }
        switch node.kind {
        case .document:
            return children()
        case .paragraph:
            if let expression = node.displayMath { return "<div class=\"math display\">\(mathMarkup(expression))</div>\n" }
            return tight ? children() : "<p>\(children())</p>\n"
        case .heading(let level):
            let anchor = headingIndex < report.headings.count ? report.headings[headingIndex].anchor : ""
            headingIndex += 1
            let tag = "h\(min(max(level, 1), 6))"
            return "<\(tag) id=\"\(anchor)\">\(children())</\(tag)>\n"
        case .blockQuote:
            return "<blockquote>\n\(children())</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            let tag = ordered ? "ol" : "ul"
            let startAttribute = ordered && start != 1 ? " start=\"\(start)\"" : ""
            return "<\(tag)\(startAttribute)>\n" + node.children.map { markdown($0, headingIndex: &headingIndex, tight: isTight) }.joined() + "</\(tag)>\n"
        case .item(let checked):
            let box = checked.map { "<input type=\"checkbox\" disabled=\"disabled\"\($0 ? " checked=\"checked\"" : "")/> " } ?? ""
            return "<li>\(box)\(children(tight: tight))</li>\n"
        case .codeBlock(let language, let code):
            return codeBlock(code, language: language)
        case .htmlBlock(let html):
            return html
        case .thematicBreak:
            return "<hr/>\n"
        case .table(let alignments):
            var html = "<table class=\"prose-table\">\n"
            for row in node.children {
                guard case .tableRow(let isHeader) = row.kind else { continue }
                let tag = isHeader ? "th" : "td"
                html += isHeader ? "<thead><tr>" : "<tr>"
                for (column, cell) in row.children.enumerated() {
                    let alignment = column < alignments.count ? alignments[column] : nil
                    let style = alignment.map { " style=\"text-align: \($0.rawValue)\"" } ?? ""
                    html += "<\(tag)\(style)>\(markdown(cell, headingIndex: &headingIndex))</\(tag)>"
                }
                html += isHeader ? "</tr></thead>\n" : "</tr>\n"
            }
            return html + "</table>\n"
        case .tableRow, .tableCell, .emphasis, .strong, .strikethrough:
            let tags: [String] = switch node.kind {
            case .emphasis: ["em"]
            case .strong: ["strong"]
            case .strikethrough: ["del"]
            default: []
            }
            return tags.map { "<\($0)>" }.joined() + children() + tags.reversed().map { "</\($0)>" }.joined()
        case .text(let text):
            return HTMLText.escape(text)
        case .softBreak:
            return "\n"
        case .lineBreak:
            return "<br/>\n"
        case .code(let code):
            return "<code>\(HTMLText.escape(code))</code>"
        case .link(let destination, let title):
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTMLText.escape(title))\""
            return "<a href=\"\(HTMLText.escape(destination))\"\(titleAttribute)>\(children())</a>"
        case .image(let source, let title):
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTMLText.escape(title))\""
            return "<img src=\"\(HTMLText.escape(embeddedImage(source)))\" alt=\"\(HTMLText.escape(node.plainText))\"\(titleAttribute)/>"
        case .inlineHTML(let html):
            return html
        case .math(let expression):
            return expression.isDisplay ? "<span class=\"math display\">\(mathMarkup(expression))</span>" : mathMarkup(expression)
        case .crossReference(let label):
            guard let reference = report.references[label] else {
                return "<span class=\"xref missing\">?@\(HTMLText.escape(label))</span>"
            }
            return "<a class=\"xref\" href=\"#\(reference.anchor)\">\(reference.text)</a>"
        }
    }

    /// MathML for `expression`, or its TeX marked as invalid.
    func mathMarkup(_ expression: MathExpression) -> String {
        switch math[expression] {
        case .mathML(let markup): markup
        case .invalid(let message):
            "<code class=\"math-error\" title=\"\(HTMLText.escape(message))\">\(HTMLText.escape(expression.tex))</code>"
        case nil: "<code class=\"math-error\">\(HTMLText.escape(expression.tex))</code>"
        }
    }

    /// A code block; Swift is highlighted.
    func codeBlock(_ code: String, language: String) -> String {
        let body: String
        if language == "swift" || language == "{swift}" {
            body = SwiftHighlighter.tokens(code).map { token in
                token.kind == .plain ? HTMLText.escape(token.text)
                                     : "<span class=\"tok-\(token.kind.rawValue)\">\(HTMLText.escape(token.text))</span>"
            }.joined()
        } else {
            body = HTMLText.escape(code)
        }
        let languageClass = language.isEmpty ? "" : " class=\"language-\(HTMLText.escape(language))\""
        return "<pre class=\"code\"><code\(languageClass)>\(body)</code></pre>\n"
    }

    /// A local image file as a `data:` URL (keeping the report self-contained); other
    /// sources unchanged.
    private func embeddedImage(_ source: String) -> String {
        guard !source.contains("://"), !source.hasPrefix("data:") else { return source }
        let url = source.hasPrefix("/") ? URL(fileURLWithPath: source) : report.document.directory.appendingPathComponent(source)
        let types = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "svg": "image/svg+xml"]
        guard let type = types[url.pathExtension.lowercased()], let data = try? Data(contentsOf: url) else { return source }
        return FigureImage(mimeType: type, data: data).dataURL
    }
}

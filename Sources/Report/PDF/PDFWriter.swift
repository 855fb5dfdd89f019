import CCairo
import Foundation
import Notebook
import NotebookWire

/// Typesets a woven report as a PDF with Cairo and Pango: a title page (title, authors,
/// date, abstract), a linked table of contents, headings with destinations and a PDF
/// outline, justified paragraphs with inline bold/italic/code and linked cross-references,
/// Swift code with syntax highlighting, tables, vector figures drawn straight into the page,
/// math as Unicode, page numbers, and the reproducibility facts.
struct PDFWriter {
    let report: WovenReport
    let figures: FigureRenderer

    /// Writes the PDF to a temporary file beside `url`, then renames it into place.
    func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let typesetter = try PDFTypesetter(url: temporary, title: report.document.title)
        do {
            titlePage(typesetter)
            tableOfContents(typesetter)
            var headingIndex = 0
            for block in report.blocks {
                switch block {
                case .prose(let node): blocks(node, typesetter, headingIndex: &headingIndex)
                case .cell(let cell, _, let outputs): try self.cell(cell, outputs: outputs, typesetter, headingIndex: &headingIndex)
                }
            }
            reproducibility(typesetter)
            try typesetter.finish()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw ReportError("cannot move the PDF into place at \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    private func titlePage(_ typesetter: PDFTypesetter) {
        let frontMatter = report.document.frontMatter
        typesetter.moveTo(y: 190)
        var title = InlineMarkup()
        title.text(report.document.title)
        typesetter.text(title, style: TextStyle(font: "DejaVu Sans Bold 22", center: true, spaceAfter: 12))
        let lines = [frontMatter.subtitle, frontMatter.authors.isEmpty ? nil : frontMatter.authors.joined(separator: ", "),
                     frontMatter.date].compactMap { $0 }
        for line in lines {
            var markup = InlineMarkup()
            markup.text(line)
            typesetter.text(markup, style: TextStyle(font: "DejaVu Serif 12", center: true, spaceAfter: 6))
        }
        if let abstract = report.abstract {
            typesetter.skip(24)
            var heading = InlineMarkup()
            heading.text("Abstract")
            typesetter.text(heading, style: TextStyle(font: "DejaVu Sans Bold 10", center: true, spaceAfter: 4))
            for paragraph in abstract.children {
                typesetter.text(inline(paragraph), style: .body, indent: 36, width: typesetter.contentWidth - 72)
            }
        }
        typesetter.newPage()
        typesetter.numbersPages = true
    }

    private func tableOfContents(_ typesetter: PDFTypesetter) {
        guard !report.headings.isEmpty else { return }
        var title = InlineMarkup()
        title.text("Contents")
        typesetter.text(title, style: .heading(1))
        let top = report.headings.map(\.level).min() ?? 1
        for heading in report.headings where heading.level <= top + 2 {
            var entry = InlineMarkup()
            entry.link("dest='\(heading.anchor)'") { $0.text(heading.text) }
            typesetter.text(entry, style: TextStyle(font: "DejaVu Serif 10", spaceAfter: 3),
                            indent: Double(heading.level - top) * 16)
        }
        typesetter.newPage()
    }

    private func cell(_ cell: CodeCell, outputs: [WovenOutput], _ typesetter: PDFTypesetter,
                      headingIndex: inout Int) throws {
        typesetter.destination(cell.anchor)
        if cell.options.echo {
            typesetter.skip(4)
            typesetter.text(highlighted(cell.displayCode), style: .code, background: (0.965, 0.973, 0.98))
            typesetter.skip(6)
        }
        for output in outputs {
            switch output {
            case .text(let text):
                var markup = InlineMarkup()
                markup.text(text.hasSuffix("\n") ? String(text.dropLast()) : text)
                typesetter.text(markup, style: .code, indent: 8, leftRule: (0.8, 0.82, 0.85))
                typesetter.skip(9)
            case .omission(let omitted):
                var markup = InlineMarkup()
                markup.text(omitted.message())
                var style = TextStyle.code
                style.color = (0.37, 0.39, 0.41)
                typesetter.text(markup, style: style, indent: 8)
                typesetter.skip(9)
            case .errorText(let text):
                var markup = InlineMarkup()
                markup.text(text.hasSuffix("\n") ? String(text.dropLast()) : text)
                var style = TextStyle.code
                style.color = (0.55, 0.3, 0.0)
                typesetter.text(markup, style: style, indent: 8, leftRule: (0.85, 0.56, 0.02))
                typesetter.skip(9)
            case .markdown(let node):
                blocks(node, typesetter, headingIndex: &headingIndex)
            case .figure(let figure, let reference, let caption, let vectorFile):
                try self.figure(figure, reference: reference, caption: caption, vectorFile: vectorFile, typesetter)
            case .table(let table, let reference, let caption):
                self.table(table, reference: reference, caption: caption, typesetter)
            }
        }
    }

    /// A figure scaled to fit the page, its caption below; a rasterised figure's caption
    /// names its SVG beside the report.
    private func figure(_ figure: FigureRecord, reference: CrossReference, caption: MarkdownNode?, vectorFile: String?,
                        _ typesetter: PDFTypesetter) throws {
        let scale = min(1, typesetter.contentWidth / figure.width,
                        (PDFTypesetter.pageSize.height - PDFTypesetter.margin.top - PDFTypesetter.margin.bottom - 60) / figure.height)
        let height = figure.height * scale
        typesetter.ensureSpace(height + 30)
        typesetter.skip(6)
        typesetter.destination(reference.anchor)
        let x = typesetter.left + (typesetter.contentWidth - figure.width * scale) / 2
        try typesetter.drawing(x: x, height: height, scale: scale) { context in
            try figures.draw(figure, in: context)
        }
        var markup = captionMarkup(reference, caption)
        if let vectorFile { markup.text(" (vector drawing: \(vectorFile) beside this report)") }
        typesetter.text(markup, style: .caption)
    }

    /// "**Figure 1**: caption" as inline markup.
    func captionMarkup(_ reference: CrossReference, _ caption: MarkdownNode?) -> InlineMarkup {
        var markup = InlineMarkup()
        markup.tag("<b>")
        markup.text(reference.text)
        markup.tag("</b>")
        if let caption {
            markup.text(": ")
            for child in caption.children { appendInline(child, to: &markup) }
        }
        return markup
    }

    /// Swift code as Pango markup with highlighting colours.
    private func highlighted(_ code: String) -> InlineMarkup {
        let colors: [SwiftHighlighter.TokenKind: String] = [
            .keyword: "#a626a4", .type: "#0e6ba8", .string: "#50a14f", .number: "#b76b01",
            .comment: "#8a8f98", .attribute: "#c18401",
        ]
        var markup = InlineMarkup()
        for token in SwiftHighlighter.tokens(code) {
            if let color = colors[token.kind] {
                markup.tag("<span foreground=\"\(color)\"\(token.kind == .comment ? " style=\"italic\"" : "")>")
                markup.text(token.text)
                markup.tag("</span>")
            } else {
                markup.text(token.text)
            }
        }
        return markup
    }
}

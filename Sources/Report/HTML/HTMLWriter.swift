import Foundation
import Notebook
import NotebookWire

/// Writes a woven report as one self-contained XHTML-compatible HTML file: title block,
/// table of contents, prose, cells (code shown, folded or hidden per cell), outputs, numbered
/// figures (inline `data:` images) and tables, MathML from KaTeX, and a reproducibility block.
/// Nothing is loaded from the network.
public struct HTMLWriter {
    /// The report.
    public var report: WovenReport
    /// Rendered math for every expression of the report.
    public var math: [MathExpression: MathRenderer.Rendering]
    /// Encodes a figure (SVG or PNG).
    public var figureImage: (FigureRecord) throws -> FigureImage

    /// A writer for `report`.
    public init(report: WovenReport, math: [MathExpression: MathRenderer.Rendering],
                figureImage: @escaping (FigureRecord) throws -> FigureImage) {
        self.report = report
        self.math = math
        self.figureImage = figureImage
    }

    /// The complete HTML document.
    public func html() throws -> String {
        let document = report.document
        var html = """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="margin"/>
        <title>\(HTMLText.escape(document.title))</title>
        <style>\(ReportStyle.css)</style>
        </head>
        <body>

        """
        if let failure = report.record.failure { html += failureBanner(failure) }
        html += titleBlock()
        html += tableOfContents()
        html += "<main>\n"
        var headingIndex = 0
        for block in report.blocks {
            switch block {
            case .prose(let node):
                html += markdown(node, headingIndex: &headingIndex)
            case .cell(let cell, let result, let outputs):
                html += try self.cell(cell, result: result, outputs: outputs, headingIndex: &headingIndex)
            }
        }
        html += "</main>\n"
        html += reproducibilityBlock()
        html += "</body>\n</html>\n"
        return html
    }

    private func titleBlock() -> String {
        let frontMatter = report.document.frontMatter
        var html = "<header class=\"title-block\">\n<h1 class=\"title\">\(HTMLText.escape(report.document.title))</h1>\n"
        if let subtitle = frontMatter.subtitle { html += "<p class=\"subtitle\">\(HTMLText.escape(subtitle))</p>\n" }
        if !frontMatter.authors.isEmpty {
            html += "<p class=\"authors\">\(HTMLText.escape(frontMatter.authors.joined(separator: ", ")))</p>\n"
        }
        if let date = frontMatter.date { html += "<p class=\"date\">\(HTMLText.escape(date))</p>\n" }
        if let abstract = report.abstract {
            var ignored = 0
            html += "<div class=\"abstract\">\n<h2 class=\"abstract-title\">Abstract</h2>\n\(markdown(abstract, headingIndex: &ignored))</div>\n"
        }
        return html + "</header>\n"
    }

    private func tableOfContents() -> String {
        guard !report.headings.isEmpty else { return "" }
        let top = report.headings.map(\.level).min() ?? 1
        var html = "<nav id=\"toc\">\n<h2>Contents</h2>\n<ul>\n"
        for heading in report.headings where heading.level <= top + 2 {
            html += "<li class=\"toc-level-\(heading.level - top + 1)\"><a href=\"#\(heading.anchor)\">\(HTMLText.escape(heading.text))</a></li>\n"
        }
        return html + "</ul>\n</nav>\n"
    }

    private func failureBanner(_ failure: NotebookError) -> String {
        let failedCell = report.record.cells.first { $0.status == .failed }
        let link = failedCell.map { "<a href=\"#cell-\($0.index + 1)\">cell \($0.index + 1)</a>" } ?? "the notebook"
        return """
        <div class="failure-banner" role="alert">
        <p><strong>This render failed</strong> at \(link)\(failure.location.map { " (\(HTMLText.escape($0.description)))" } ?? ""): \(HTMLText.escape(failure.message))</p>
        \(failure.hint.map { "<p>Hint: \(HTMLText.escape($0))</p>" } ?? "")
        <p>Outputs below are those produced before the failure; the last good report is unchanged.</p>
        </div>

        """
    }
}

import Foundation
import Notebook
import NotebookWire

extension HTMLWriter {
    /// One cell: its code per `echo` and `code-fold`, its outputs, and its error if it failed.
    func cell(_ cell: CodeCell, result: CellResult?, outputs: [WovenOutput], headingIndex: inout Int) throws -> String {
        let failed = result?.status == .failed
        var html = "<section class=\"cell\(failed ? " failed" : "")\" id=\"\(cell.anchor)\">\n"
        if cell.options.echo {
            let code = codeBlock(cell.displayCode, language: "swift")
            switch cell.options.codeFolding {
            case .none: html += code
            case .folded: html += "<details class=\"code-fold\"><summary>Code</summary>\n\(code)</details>\n"
            case .open: html += "<details class=\"code-fold\" open=\"open\"><summary>Code</summary>\n\(code)</details>\n"
            }
        }
        if failed, let failure = report.record.failure {
            html += "<div class=\"cell-error\"><strong>\(HTMLText.escape(failure.location?.description ?? cell.fenceLocation.description))</strong>: \(HTMLText.escape(failure.message))</div>\n"
        }
        for output in outputs {
            html += try self.output(output, headingIndex: &headingIndex)
        }
        return html + "</section>\n"
    }

    private func output(_ output: WovenOutput, headingIndex: inout Int) throws -> String {
        switch output {
        case .text(let text):
            return "<pre class=\"output\">\(HTMLText.escape(text))</pre>\n"
        case .omission(let omitted):
            let link = { (file: String) in "<a href=\"\(HTMLText.escape(file))\">\(HTMLText.escape(file))</a>" }
            return "<p class=\"output-omitted\">\(omitted.message(link: link))</p>\n"
        case .errorText(let text):
            return "<pre class=\"output stderr\">\(HTMLText.escape(text))</pre>\n"
        case .markdown(let node):
            return "<div class=\"output-markdown\">\n\(markdown(node, headingIndex: &headingIndex))</div>\n"
        case .figure(let figure, let reference, let caption, let vectorFile):
            let image = try figureImage(figure)
            let alt = caption?.plainText ?? reference.text
            let vectorLink = vectorFile.map { " <a class=\"vector-file\" href=\"\(HTMLText.escape($0))\">(SVG)</a>" } ?? ""
            return """
            <figure class="figure" id="\(reference.anchor)">
            <img src="\(image.dataURL)" width="\(Int(figure.width.rounded()))" height="\(Int(figure.height.rounded()))" alt="\(HTMLText.escape(alt))"/>
            <figcaption>\(captionMarkup(reference, caption))\(vectorLink)</figcaption>
            </figure>

            """
        case .table(let table, let reference, let caption):
            return tableMarkup(table, reference: reference, caption: caption)
        }
    }

    private func captionMarkup(_ reference: CrossReference, _ caption: MarkdownNode?) -> String {
        var ignored = 0
        let text = caption.map { node in
            node.children.map { markdown($0, headingIndex: &ignored, tight: true) }.joined()
        }
        return "<span class=\"caption-label\">\(reference.text)</span>" + (text.map { ": \($0)" } ?? "")
    }

    private func tableMarkup(_ table: TableRecord, reference: CrossReference, caption: MarkdownNode?) -> String {
        var html = "<figure class=\"table-figure\" id=\"\(reference.anchor)\">\n<figcaption>\(captionMarkup(reference, caption))</figcaption>\n"
        html += dataTable(table, className: "data-table")
        for note in table.notes { html += "<p class=\"table-note\">\(HTMLText.escape(note))</p>\n" }
        return html + "</figure>\n"
    }

    /// A table of formatted cells, with a spanning group row when columns are grouped.
    func dataTable(_ table: TableRecord, className: String) -> String {
        var html = "<table class=\"\(className)\">\n<thead>\n"
        let groups = table.columnGroups
        if !groups.isEmpty {
            html += "<tr class=\"column-groups\">"
            for group in groups {
                let span = group.span > 1 ? " colspan=\"\(group.span)\"" : ""
                html += "<th\(span)\(group.title == nil ? "" : " class=\"group\"")>\(HTMLText.escape(group.title ?? ""))</th>"
            }
            html += "</tr>\n"
        }
        html += "<tr>" + table.columns.map { column in
            "<th style=\"text-align: \(column.alignment.rawValue)\">\(HTMLText.escape(column.title))</th>"
        }.joined() + "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>" + zip(row, table.columns).map { text, column in
                "<td style=\"text-align: \(column.alignment.rawValue)\">\(HTMLText.escape(text))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}

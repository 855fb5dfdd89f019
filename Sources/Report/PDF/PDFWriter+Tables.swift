import Notebook
import NotebookWire

extension PDFWriter {
    /// A table from a cell, with its numbered caption above and notes below.
    func table(_ table: TableRecord, reference: CrossReference, caption: MarkdownNode?, _ typesetter: PDFTypesetter) {
        typesetter.ensureSpace(60)
        typesetter.destination(reference.anchor)
        var captionStyle = TextStyle.caption
        captionStyle.spaceBefore = 6
        captionStyle.spaceAfter = 4
        typesetter.text(captionMarkup(reference, caption), style: captionStyle)
        grid(table, typesetter)
        for note in table.notes {
            var markup = InlineMarkup()
            markup.text(note)
            typesetter.text(markup, style: TextStyle(font: "DejaVu Sans 7.5", center: true, color: (0.35, 0.35, 0.38), spaceAfter: 2))
        }
        typesetter.skip(8)
    }

    /// A GFM table from prose.
    func proseTable(_ node: MarkdownNode, _ typesetter: PDFTypesetter) {
        guard case .table(let alignments) = node.kind else { return }
        let rows = node.children.map { row in row.children.map { inline($0) } }
        guard let header = rows.first else { return }
        let columns = header.indices.map { index in
            TableColumnRecord(title: InlineMarkup.visibleText(of: header[index].markup),
                              alignment: (index < alignments.count ? alignments[index] : nil) ?? .left)
        }
        grid(columns: columns, groups: [], header: header, rows: Array(rows.dropFirst()), typesetter)
        typesetter.skip(8)
    }

    /// A table of plain-text cells.
    func grid(_ table: TableRecord, _ typesetter: PDFTypesetter) {
        func plain(_ text: String) -> InlineMarkup {
            var markup = InlineMarkup()
            markup.text(text)
            return markup
        }
        grid(columns: table.columns, groups: table.columnGroups, header: table.columns.map { plain($0.title) },
             rows: table.rows.map { $0.map(plain) }, typesetter)
    }

    /// Draws a booktabs-style table centred on the text width: columns take their natural
    /// widths, and when they do not fit the wrappable columns give up their room down to
    /// their longest word; a table whose words alone are too wide is set in a smaller size
    /// (8.5, 7.5 or 6.5 pt). Rows never split across pages.
    private func grid(columns: [TableColumnRecord], groups: [(title: String?, span: Int)], header: [InlineMarkup],
                      rows: [[InlineMarkup]], _ typesetter: PDFTypesetter) {
        let padding = 5.0
        var bodyStyle = TextStyle(font: "", spaceAfter: 0), headerStyle = bodyStyle
        var widths: [Double] = []
        for size in [8.5, 7.5, 6.5] {
            bodyStyle.font = "DejaVu Serif \(size)"
            headerStyle.font = "DejaVu Serif Bold \(size)"
            let fit = columnWidths(header: header, rows: rows, body: bodyStyle, heading: headerStyle, padding: padding, typesetter)
            widths = fit.widths
            if fit.wordsFit { break }
        }
        let tableWidth = widths.reduce(0, +)
        let x0 = typesetter.left + (typesetter.contentWidth - tableWidth) / 2
        func drawRow(_ cells: [InlineMarkup], style: TextStyle) {
            let height = cells.indices.map { column in
                typesetter.height(of: cells[column].markup, style: style, width: widths[column] - 2 * padding)
            }.max() ?? 0
            typesetter.ensureSpace(height + 6)
            var x = x0
            for (column, cell) in cells.enumerated() where column < widths.count {
                typesetter.draw(cell.markup, style: style, x: x + padding, y: typesetter.cursor + 3, width: widths[column] - 2 * padding,
                                center: columns[column].alignment == .center, alignRight: columns[column].alignment == .right)
                x += widths[column]
            }
            typesetter.moveTo(y: typesetter.cursor + height + 6)
        }
        typesetter.ensureSpace(40)
        typesetter.rule(thickness: 1, x: x0, width: tableWidth)
        if !groups.isEmpty {
            var column = 0
            let top = typesetter.cursor
            var groupBottom = top
            for group in groups {
                let width = widths[column..<(column + group.span)].reduce(0, +)
                let x = x0 + widths[..<column].reduce(0, +)
                if let title = group.title {
                    typesetter.draw(InlineMarkup.escape(title), style: headerStyle, x: x + padding, y: top + 3,
                                    width: width - 2 * padding, center: true)
                    let height = typesetter.height(of: InlineMarkup.escape(title), style: headerStyle, width: width - 2 * padding)
                    groupBottom = max(groupBottom, top + height + 6)
                    typesetter.moveTo(y: top + height + 6)
                    typesetter.rule(thickness: 0.4, x: x + padding, width: width - 2 * padding, gray: 0.5)
                }
                column += group.span
            }
            typesetter.moveTo(y: groupBottom)
        }
        drawRow(header, style: headerStyle)
        typesetter.rule(thickness: 0.5, x: x0, width: tableWidth)
        for row in rows { drawRow(row, style: bodyStyle) }
        typesetter.rule(thickness: 1, x: x0, width: tableWidth)
        typesetter.skip(4)
    }
    /// Column widths for one type size: natural widths, or, when the table is too wide,
    /// shrunk no further than each column's longest word (`wordsFit` is false when even
    /// that is too wide, and the words are then shrunk proportionally).
    private func columnWidths(header: [InlineMarkup], rows: [[InlineMarkup]], body: TextStyle, heading: TextStyle,
                              padding: Double, _ typesetter: PDFTypesetter) -> (widths: [Double], wordsFit: Bool) {
        let widths = header.indices.map { column in
            ([typesetter.naturalWidth(of: header[column].markup, style: heading)]
             + rows.map { column < $0.count ? typesetter.naturalWidth(of: $0[column].markup, style: body) : 0 })
                .max()! + 2 * padding
        }
        let total = widths.reduce(0, +)
        guard total > typesetter.contentWidth else { return (widths, true) }
        func longestWord(_ cell: InlineMarkup, _ style: TextStyle) -> Double {
            let text = cell.markup.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            return text.split(separator: " ").map { typesetter.naturalWidth(of: String($0), style: style) }.max() ?? 0
        }
        let minimums = header.indices.map { column in
            min(widths[column], 2 * padding + max(longestWord(header[column], heading),
                                                  rows.map { column < $0.count ? longestWord($0[column], body) : 0 }.max() ?? 0))
        }
        let slack = zip(widths, minimums).map { $0 - $1 }.reduce(0, +)
        let excess = total - typesetter.contentWidth
        guard slack < excess else { return (zip(widths, minimums).map { $0 - ($0 - $1) * excess / slack }, true) }
        return (minimums.map { $0 * typesetter.contentWidth / minimums.reduce(0, +) }, false)
    }
}

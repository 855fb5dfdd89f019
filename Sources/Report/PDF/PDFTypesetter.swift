import CCairo
import Foundation

/// Lays out text blocks, rules, boxes and drawings top to bottom on A4 PDF pages with Cairo
/// and Pango, breaking pages between lines so nothing runs past the margins, numbering pages
/// in the footer, and recording destinations, links and the PDF outline.
final class PDFTypesetter {
    /// A4 in points.
    static let pageSize = (width: 595.28, height: 841.89)
    /// Page margins in points.
    static let margin = (left: 64.0, right: 64.0, top: 64.0, bottom: 72.0)

    let surface: OpaquePointer
    let context: OpaquePointer
    /// Vertical position of the next block, in points from the top of the page.
    private(set) var cursor = PDFTypesetter.margin.top
    /// The current page, from 1.
    private(set) var pageNumber = 1
    /// Whether the current page shows a page number in its footer.
    var numbersPages = false
    private var outlineParents: [(level: Int, id: Int32)] = []

    /// The width available to text.
    var contentWidth: Double { PDFTypesetter.pageSize.width - PDFTypesetter.margin.left - PDFTypesetter.margin.right }
    /// The left edge of the text.
    var left: Double { PDFTypesetter.margin.left }
    /// The lowest position text may reach.
    var bottom: Double { PDFTypesetter.pageSize.height - PDFTypesetter.margin.bottom }
    /// Space left on this page.
    var remaining: Double { bottom - cursor }

    /// A typesetter writing the PDF file `url`.
    init(url: URL, title: String) throws {
        surface = cairo_pdf_surface_create(url.path, PDFTypesetter.pageSize.width, PDFTypesetter.pageSize.height)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw ReportError("cannot create the PDF file \(url.path)")
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "margin")
        context = cairo_create(surface)
    }

    /// Finishes the last page and closes the file.
    func finish() throws {
        drawFooter()
        cairo_destroy(context)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ReportError("writing the PDF failed: \(String(cString: cairo_status_to_string(status)))")
        }
    }

    /// Starts a new page.
    func newPage() {
        drawFooter()
        cairo_show_page(context)
        pageNumber += 1
        cursor = PDFTypesetter.margin.top
    }

    /// Starts a new page unless `height` points fit on this one.
    func ensureSpace(_ height: Double) {
        if height > remaining, cursor > PDFTypesetter.margin.top { newPage() }
    }

    /// Moves down by `points` (not past the bottom; a new page absorbs it).
    func skip(_ points: Double) {
        if cursor + points > bottom { newPage() } else { cursor += points }
    }

    /// Sets the cursor to `y` on this page.
    func moveTo(y: Double) { cursor = y }

    private func drawFooter() {
        guard numbersPages else { return }
        let layout = makeLayout(InlineMarkup.escape(String(pageNumber)), style: .small, width: contentWidth)
        pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        cairo_set_source_rgb(context, 0.4, 0.4, 0.42)
        cairo_move_to(context, left, PDFTypesetter.pageSize.height - PDFTypesetter.margin.bottom / 2)
        pango_cairo_show_layout(context, layout)
        g_object_unref(UnsafeMutableRawPointer(layout))
    }

    /// A Pango layout of `markup` in `style`, `width` points wide.
    func makeLayout(_ markup: String, style: TextStyle, width: Double) -> OpaquePointer {
        let layout = pango_cairo_create_layout(context)!
        let font = pango_font_description_from_string(style.font)
        pango_layout_set_font_description(layout, font)
        pango_font_description_free(font)
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, style.wrapAnywhere ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR)
        pango_layout_set_justify(layout, style.justify ? 1 : 0)
        if style.center { pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER) }
        pango_layout_set_markup(layout, markup, -1)
        return layout
    }

    /// The height in points of `markup` set in `style` at `width`.
    func height(of markup: String, style: TextStyle, width: Double) -> Double {
        let layout = makeLayout(markup, style: style, width: width)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return Double(logical.height) / Double(PANGO_SCALE)
    }

    /// The natural (unwrapped) width in points of `markup` in `style`.
    func naturalWidth(of markup: String, style: TextStyle) -> Double {
        let layout = makeLayout(markup, style: style, width: 10_000)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return Double(logical.width) / Double(PANGO_SCALE)
    }

    /// Sets `text` line by line from the cursor, starting new pages between lines as needed,
    /// and adds its links. `background` fills behind each page's part of the block; a
    /// `leftRule` draws a bar beside it.
    func text(_ text: InlineMarkup, style: TextStyle, indent: Double = 0, width: Double? = nil,
              background: (Double, Double, Double)? = nil, leftRule: (Double, Double, Double)? = nil) {
        let padding = background == nil ? 0.0 : 5.0
        let x = left + indent + padding
        let width = (width ?? (contentWidth - indent)) - 2 * padding
        let layout = makeLayout(text.markup, style: style, width: width)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        skip(style.spaceBefore)
        var lines: [(line: UnsafeMutablePointer<PangoLayoutLine>, top: Double, height: Double, baseline: Double, x: Double)] = []
        let iterator = pango_layout_get_iter(layout)!
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            let line = pango_layout_iter_get_line_readonly(iterator)!
            lines.append((line, Double(logical.y) / Double(PANGO_SCALE), Double(logical.height) / Double(PANGO_SCALE),
                          Double(pango_layout_iter_get_baseline(iterator)) / Double(PANGO_SCALE),
                          Double(logical.x) / Double(PANGO_SCALE)))
        } while pango_layout_iter_next_line(iterator) != 0
        pango_layout_iter_free(iterator)

        var segmentStart = cursor
        var offset = cursor + padding - (lines.first?.top ?? 0)
        var lineOffsets: [Double] = []
        func closeSegment(at end: Double) {
            guard background != nil || leftRule != nil else { return }
            cairo_save(context)
            if let background {
                cairo_set_source_rgb(context, background.0, background.1, background.2)
                cairo_rectangle(context, left + indent, segmentStart, width + 2 * padding, end - segmentStart)
                cairo_fill(context)
            }
            if let leftRule {
                cairo_set_source_rgb(context, leftRule.0, leftRule.1, leftRule.2)
                cairo_rectangle(context, left + indent - 6, segmentStart, 2, end - segmentStart)
                cairo_fill(context)
            }
            cairo_restore(context)
        }
        var pending: [(UnsafeMutablePointer<PangoLayoutLine>, Double, Double)] = []
        func flush() {
            for (line, lineX, baseline) in pending {
                cairo_set_source_rgb(context, style.color.0, style.color.1, style.color.2)
                cairo_move_to(context, x + lineX, baseline)
                pango_cairo_show_layout_line(context, line)
            }
            pending = []
        }
        for line in lines {
            if offset + line.top + line.height > bottom, offset + line.top > PDFTypesetter.margin.top + 1 {
                closeSegment(at: offset + line.top)
                flush()
                newPage()
                offset = cursor - line.top
                segmentStart = cursor
            }
            lineOffsets.append(offset)
            pending.append((line.line, line.x, offset + line.baseline))
        }
        let end = offset + (lines.last.map { $0.top + $0.height } ?? 0) + padding
        closeSegment(at: end)
        flush()
        addLinks(text.links, layout: layout, x: x, lineTops: lines.map(\.top), lineOffsets: lineOffsets)
        cursor = end
        skip(style.spaceAfter)
    }

    private func addLinks(_ links: [InlineMarkup.Link], layout: OpaquePointer, x: Double,
                          lineTops: [Double], lineOffsets: [Double]) {
        let visible = String(cString: pango_layout_get_text(layout))
        for link in links {
            guard link.start < link.end, link.end <= visible.utf8.count else { continue }
            var start = PangoRectangle(), end = PangoRectangle()
            pango_layout_index_to_pos(layout, Int32(link.start), &start)
            pango_layout_index_to_pos(layout, Int32(link.end - 1), &end)
            var lineIndex: Int32 = 0, lineX: Int32 = 0
            pango_layout_index_to_line_x(layout, Int32(link.start), 0, &lineIndex, &lineX)
            guard Int(lineIndex) < lineOffsets.count else { continue }
            let scale = Double(PANGO_SCALE)
            let top = lineOffsets[Int(lineIndex)] + Double(start.y) / scale
            let x0 = x + Double(start.x) / scale
            let x1 = start.y == end.y ? x + Double(end.x + end.width) / scale : x + contentWidth
            let attributes = "\(link.target) rect=[\(x0) \(top) \(max(x1 - x0, 1)) \(Double(start.height) / scale)]"
            cairo_tag_begin(context, CAIRO_TAG_LINK, attributes)
            cairo_tag_end(context, CAIRO_TAG_LINK)
        }
    }

    /// Marks the cursor position as the destination `name` for internal links.
    func destination(_ name: String) {
        cairo_tag_begin(context, CAIRO_TAG_DEST, "name='\(name)' x=\(left) y=\(max(cursor - 8, 0))")
        cairo_tag_end(context, CAIRO_TAG_DEST)
    }

    /// Adds an outline (bookmark) entry at `level` pointing at destination `name`.
    func outline(_ title: String, level: Int, destination name: String) {
        while let last = outlineParents.last, last.level >= level { outlineParents.removeLast() }
        let parent = outlineParents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
        let id = cairo_pdf_surface_add_outline(surface, parent, title, "dest='\(name)'", CAIRO_PDF_OUTLINE_FLAG_OPEN)
        outlineParents.append((level, id))
    }

    /// A horizontal rule across `width` points (the text width by default) at the cursor.
    func rule(thickness: Double, x: Double? = nil, width: Double? = nil, gray: Double = 0.1) {
        cairo_save(context)
        cairo_set_source_rgb(context, gray, gray, gray)
        cairo_rectangle(context, x ?? left, cursor, width ?? contentWidth, thickness)
        cairo_fill(context)
        cairo_restore(context)
        cursor += thickness
    }

    /// Draws `markup` in `style` inside a box at (`x`, `y`) `width` wide without moving the cursor.
    func draw(_ markup: String, style: TextStyle, x: Double, y: Double, width: Double, center: Bool = false,
              alignRight: Bool = false) {
        let layout = makeLayout(markup, style: style, width: width)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        if center { pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER) }
        if alignRight { pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT) }
        cairo_set_source_rgb(context, style.color.0, style.color.1, style.color.2)
        cairo_move_to(context, x, y)
        pango_cairo_show_layout(context, layout)
    }

    /// Runs `body` with the context translated to (`x`, cursor) and scaled by `scale`, then
    /// moves the cursor below `height` points.
    func drawing(x: Double, height: Double, scale: Double, _ body: (OpaquePointer) throws -> Void) rethrows {
        cairo_save(context)
        cairo_translate(context, x, cursor)
        cairo_scale(context, scale, scale)
        defer { cairo_restore(context) }
        try body(context)
        cursor += height
    }
}

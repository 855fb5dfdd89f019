import CCairo
import Foundation
import Notebook
import NotebookWire
import Plot
import PlotCairo

/// Draws figures for the report writers from their records (`FigureRecord`): SVG for HTML
/// (PNG at 2x when the figure holds raster images, which SVG would blur or bloat), and the
/// same display list replayed as vector graphics into the PDF page. A figure the notebook
/// program rasterised (more marks than `FigureRecord.rasterMarkLimit`) is its PNG in both.
struct FigureRenderer {
    /// The figure encoded for HTML.
    func htmlImage(_ figure: FigureRecord) throws -> FigureImage {
        if let png = figure.png { return FigureImage(mimeType: "image/png", data: png) }
        let list = try displayList(figure)
        let hasRaster = list.items.contains { if case .image = $0 { return true }; return false }
        return hasRaster
            ? FigureImage(mimeType: "image/png", data: try FigureOutput.png(list, dpi: 144))
            : FigureImage(mimeType: "image/svg+xml", data: try FigureOutput.svg(list))
    }

    /// Draws the figure at the context's origin, in points (vector output in the PDF, or the
    /// PNG scaled to the figure's size).
    func draw(_ figure: FigureRecord, in context: OpaquePointer) throws {
        guard let png = figure.png else {
            try displayList(figure).render(into: CairoRenderer(context: context))
            return
        }
        let reader = PNGReader(png)
        let image = cairo_image_surface_create_from_png_stream(PNGReader.read, Unmanaged.passUnretained(reader).toOpaque())!
        defer { cairo_surface_destroy(image) }
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS, cairo_image_surface_get_width(image) > 0 else {
            throw ReportError("a rasterised figure's PNG could not be read; re-run the notebook with --fresh")
        }
        cairo_save(context)
        defer { cairo_restore(context) }
        cairo_scale(context, figure.width / Double(cairo_image_surface_get_width(image)),
                    figure.height / Double(cairo_image_surface_get_height(image)))
        cairo_set_source_surface(context, image, 0, 0)
        cairo_paint(context)
    }

    private func displayList(_ figure: FigureRecord) throws -> DisplayList {
        do {
            return try JSONDecoder().decode(DisplayList.self, from: Data((figure.displayListJSON ?? "").utf8))
        } catch {
            throw ReportError("a figure's display list could not be read (\(error)); re-run the notebook with --fresh")
        }
    }
}

/// Feeds PNG bytes to cairo's stream reader.
private final class PNGReader {
    private let data: Data
    private var position = 0

    init(_ data: Data) {
        self.data = data
    }

    static let read: cairo_read_func_t = { closure, buffer, length in
        guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
        let reader = Unmanaged<PNGReader>.fromOpaque(closure).takeUnretainedValue()
        let count = Int(length)
        guard reader.position + count <= reader.data.count else { return CAIRO_STATUS_READ_ERROR }
        reader.data.copyBytes(to: buffer, from: reader.data.startIndex + reader.position ..< reader.data.startIndex + reader.position + count)
        reader.position += count
        return CAIRO_STATUS_SUCCESS
    }
}

import CCairo
import Foundation
import Notebook
import NotebookWire
import Plot
import PlotCairo

/// Draws figures for the report writers from their display lists (`FigureRecord`): SVG for
/// HTML (PNG at 2x when the figure holds raster images, which SVG would blur or bloat), and
/// the same display list replayed as vector graphics into the PDF page.
struct FigureRenderer {
    /// The figure encoded for HTML.
    func htmlImage(_ figure: FigureRecord) throws -> FigureImage {
        let list = try displayList(figure)
        let hasRaster = list.items.contains { if case .image = $0 { return true }; return false }
        return hasRaster
            ? FigureImage(mimeType: "image/png", data: try FigureOutput.png(list, dpi: 144))
            : FigureImage(mimeType: "image/svg+xml", data: try FigureOutput.svg(list))
    }

    /// Draws the figure at the context's origin, in points (vector output in the PDF).
    func draw(_ figure: FigureRecord, in context: OpaquePointer) throws {
        try displayList(figure).render(into: CairoRenderer(context: context))
    }

    private func displayList(_ figure: FigureRecord) throws -> DisplayList {
        do {
            return try JSONDecoder().decode(DisplayList.self, from: Data(figure.displayListJSON.utf8))
        } catch {
            throw ReportError("a figure's display list could not be read (\(error)); re-run the notebook with --fresh")
        }
    }
}

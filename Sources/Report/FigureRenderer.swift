import CCairo
import Foundation
import Notebook

/// Draws figures for the report writers from their display lists (`FigureRecord`).
///
/// Not implemented yet: it needs Plot's `DisplayList` decoder and PlotCairo's `CairoRenderer`,
/// which are not merged into this branch. Until then NotebookRuntime offers no
/// `show(figure)`, so no record holds a figure and these methods are never reached; if one
/// is, the render fails with this explanation rather than producing a wrong picture.
struct FigureRenderer {
    /// The figure encoded for HTML: SVG, or PNG at 2x when it holds raster images.
    func htmlImage(_ figure: FigureRecord) throws -> FigureImage {
        throw ReportError("cannot draw figures: this build of Margin lacks Plot's display-list renderer")
    }

    /// Draws the figure at the context's origin, in points (vector output in the PDF).
    func draw(_ figure: FigureRecord, in context: OpaquePointer) throws {
        throw ReportError("cannot draw figures: this build of Margin lacks Plot's display-list renderer")
    }
}

import CCairo
import Foundation
import Notebook

/// Draws figures for the report writers from their display lists.
struct FigureRenderer {
    /// The figure encoded for HTML.
    func htmlImage(_ figure: FigureRecord) throws -> FigureImage {
        throw ReportError("figures are not available yet: Plot's display list is not merged")
    }

    /// Draws the figure at the context's origin, in points.
    func draw(_ figure: FigureRecord, in context: OpaquePointer) throws {
        throw ReportError("figures are not available yet: Plot's display list is not merged")
    }
}

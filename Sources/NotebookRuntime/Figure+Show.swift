import Foundation
import NotebookWire
import Plot
import PlotCairo

/// Shows `figure` in the report at this point of the cell's output, numbered when the cell
/// has a `fig-` label. Unless the figure was sized explicitly (`resizedToCell: false`), it is
/// laid out at the cell's `fig-width` x `fig-height` points; warnings (dropped NaN points)
/// go to the cell's standard error.
/// - Parameters:
///   - caption: overrides the cell's `caption` option.
///   - resizedToCell: lay the figure out at the cell's figure size (default true).
public func show(_ figure: Figure, caption: String? = nil, resizedToCell: Bool = true) throws {
    var sized = figure
    if resizedToCell {
        let size = NotebookSession.shared.currentFigureSize
        (sized.width, sized.height) = (size.width, size.height)
    }
    let built = try FigureOutput.build(sized)
    for warning in built.warnings { FileHandle.standardError.write(Data("figure: \(warning)\n".utf8)) }
    let json = String(decoding: try JSONEncoder().encode(built.displayList), as: UTF8.self)
    NotebookSession.shared.send(.figure(FigureRecord(displayListJSON: json, width: sized.width, height: sized.height,
                                                     caption: caption)))
}

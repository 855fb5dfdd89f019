import Checksums
import Foundation
import NotebookWire
import Plot
import PlotCairo

/// Shows `figure` in the report at this point of the cell's output, numbered when the cell
/// has a `fig-` label. Unless the figure was sized explicitly (`resizedToCell: false`), it is
/// laid out at the cell's `fig-width` x `fig-height` points; warnings (dropped NaN points)
/// go to the cell's standard error.
///
/// A figure with more marks than `FigureRecord.rasterMarkLimit` (20,000 points and path
/// segments) is sent as a 144 dpi PNG, which the report shows in place of vectors, and its
/// SVG is written to the build folder for `margin` to put beside the report; the display list
/// of a 10⁶-point scatter would otherwise make a 51 MB record and a 200 MB HTML file.
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
    let record: FigureRecord
    if built.displayList.markCount > FigureRecord.rasterMarkLimit {
        let png = try FigureOutput.png(built.displayList, dpi: 144)
        let svg = NotebookSession.shared.figureDirectory.appendingPathComponent("\(SHA256.hex(of: png).prefix(16)).svg")
        let written: Bool
        do {
            try AtomicFile.write(try FigureOutput.svg(built.displayList), to: svg)
            written = true
        } catch {
            FileHandle.standardError.write(Data("figure: its SVG could not be written to \(svg.path): \(error)\n".utf8))
            written = false
        }
        record = FigureRecord(png: png, vectorFile: written ? svg.path : nil, width: sized.width, height: sized.height,
                              caption: caption)
    } else {
        let json = String(decoding: try JSONEncoder().encode(built.displayList), as: UTF8.self)
        record = FigureRecord(displayListJSON: json, width: sized.width, height: sized.height, caption: caption)
    }
    NotebookSession.shared.send(.figure(record))
}

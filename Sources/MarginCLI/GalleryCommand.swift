import ArgumentParser
import Foundation
import Plot
import PlotCairo

/// `margin gallery`: one figure of every kind, as PNG, PDF and SVG.
struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery", abstract: "Render one figure of every mark and scale into a folder.")

    @Option(name: .long, help: "The folder to write into.")
    var out: String = "reports/gallery"

    @Option(name: .long, help: "PNG resolution in dots per inch.")
    var dpi: Double = 150

    func run() throws {
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, figure) in Gallery.figures {
            let built = try FigureOutput.build(figure)
            for format in FigureOutput.Format.allCases {
                try FigureOutput.write(built.displayList, to: folder.appendingPathComponent("\(name).\(format.rawValue)"), dpi: dpi)
            }
            let notes = built.warnings.isEmpty ? "" : " (" + built.warnings.joined(separator: "; ") + ")"
            print("gallery: \(name).png, .pdf, .svg\(notes)")
        }
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Plot
import PlotCairo
import Testing
import _TestSupport

/// Every gallery figure (one per mark and scale) rendered to PNG at 72 dpi and compared with
/// the committed reference in Golden/ (re-record with MARGIN_RECORD_GOLDEN=1).
@Suite("Gallery figures against golden images")
struct GalleryGoldenTests {
    static let names = Gallery.figures.map(\.name)
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func built(_ name: String) throws -> BuiltFigure {
        try FigureOutput.build(Gallery.figures.first { $0.name == name }!.figure)
    }

    @Test("PNG matches its reference", arguments: names)
    func matchesGolden(_ name: String) throws {
        let png = try FigureOutput.png(built(name).displayList, dpi: 72)
        let difference = try #require(try GoldenImage.compare(png, with: Self.golden.appendingPathComponent("\(name).png")),
                                      "no reference of the same size for \(name); record with MARGIN_RECORD_GOLDEN=1")
        #expect(difference.meanAbsoluteDifference < 1.5 && difference.changedPixelShare < 0.01, "\(difference)")
    }

    @Test("no text leaves the figure", arguments: names)
    func textStaysInside(_ name: String) throws {
        let list = try built(name).displayList
        let page = Rect(x: 0, y: 0, width: list.width, height: list.height)
        for case let .text(run) in list.items {
            #expect(page.contains(run.bounds), "\"\(run.text)\" at \(run.bounds) leaves the \(list.width) x \(list.height) figure")
        }
    }

    @Test("the SVG is well-formed XML", arguments: names)
    func svgParses(_ name: String) throws {
        let svg = try FigureOutput.svg(built(name).displayList)
        let parser = XMLParser(data: svg)
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
    }

    @Test("the PDF opens in pdfinfo and pdftotext finds its labels")
    func pdfText() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("margin-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: url) }
        try FigureOutput.write(built("box-plot").displayList, to: url)
        #expect(try run("/usr/bin/pdfinfo", [url.path]).split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 1") })
        let text = try run("/usr/bin/pdftotext", [url.path, "-"])
        #expect(text.contains("Bound deviations") && text.contains("Test 5"))
    }

    func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

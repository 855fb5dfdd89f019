import CCairo
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Notebook
import Report
import Testing

/// Renders the fixture that uses every feature once (with `-P count=5`) and checks the HTML,
/// the PDF and a Chromium screenshot of it.
@Suite("Feature notebook end to end", .serialized)
struct FeatureReportTests {
    static let rendered: Result<(URL, RenderResult), Error> = Result {
        let workspace = try EndToEnd.workspace("features.md")
        return (workspace, try EndToEnd.render("features.md", in: workspace, parameters: [ParameterAssignment(name: "count", text: "5")]))
    }

    private func report() throws -> (html: String, result: RenderResult) {
        let (_, result) = try FeatureReportTests.rendered.get()
        return (try EndToEnd.text(try #require(result.files.first { $0.pathExtension == "html" })), result)
    }

    @Test func cellsShareStateAndParametersApply() throws {
        let (html, result) = try report()
        #expect(result.outcome.record.failure == nil)
        #expect(html.contains("start: 5 hello"))
        #expect(html.contains("counter: 15"))
        #expect(html.contains("count = 5 (set with -P)"))
        #expect(result.outcome.record.cells.map(\.status) == [.ran, .ran, .ran, .notEvaluated, .ran, .ran, .ran, .ran, .ran, .ran, .ran])
    }

    @Test func cellOptionsShapeTheReport() throws {
        let (html, _) = try report()
        #expect(!html.contains("output of a cell whose code is hidden&quot;"), "echo: false hides the code")
        #expect(html.contains("<pre class=\"output\">output of a cell whose code is hidden"))
        #expect(html.contains("this cell never runs") && !html.contains("<pre class=\"output\">this cell never runs"))
        #expect(!html.contains("<pre class=\"output\">this output is hidden"))
        #expect(html.contains("<strong>asis bold</strong>"))
        #expect(html.contains("<details class=\"code-fold\"><summary>Code</summary>"))
        #expect(html.contains("Woven by <code>markdown(_:)</code>"))
    }

    @Test func tablesAreNumberedAndCrossReferenced() throws {
        let (html, result) = try report()
        #expect(html.contains("<figure class=\"table-figure\" id=\"tbl-first\">"))
        #expect(html.contains("<span class=\"caption-label\">Table 1</span>"))
        #expect(html.contains("<a class=\"xref\" href=\"#tbl-second\">Table 2</a>"))
        #expect(html.contains("<th colspan=\"2\" class=\"group\">accuracy</th>"))
        #expect(html.contains("85.0%"))
        #expect(result.warnings.isEmpty)
    }

    @Test func figuresAreNumberedAndDrawn() throws {
        let (html, result) = try report()
        #expect(html.contains("id=\"fig-counter\""))
        #expect(html.contains("Figure 1"))
        #expect(html.contains("data:image/svg+xml;base64,"))
        let pdf = try #require(result.files.first { $0.pathExtension == "pdf" })
        let text = try Subprocess.run("pdftotext", ["-layout", pdf.path, "-"]).output
        #expect(text.contains("Figure 1") && text.contains("step") && text.contains("value"), "the figure's axis labels are vector text in the PDF")
    }

    @Test func htmlIsWellFormedAndHasRenderedMath() throws {
        let (html, _) = try report()
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "XML error: \(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)")
        #expect(html.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\""))
        #expect(html.contains("<mfrac>"))
        #expect(!html.contains("class=\"math-error\""))
        #expect(!html.contains("src=\"http") && !html.contains("<link "), "the report loads nothing from outside")
    }

    @Test func pdfHoldsEveryHeading() throws {
        let (_, result) = try report()
        let pdf = try #require(result.files.first { $0.pathExtension == "pdf" })
        let text = try Subprocess.run("pdftotext", ["-layout", pdf.path, "-"]).output
        for heading in ["Every feature", "Contents", "Introduction", "Shared state", "Options", "Tables and math",
                        "Conclusion", "Reproducibility", "Table 2"] {
            #expect(text.contains(heading), "missing \(heading)")
        }
        #expect(text.contains("ρ(x)"), "display math is set as Unicode")
        let destinations = try Subprocess.run("pdfinfo", ["-dests", pdf.path]).output
        for anchor in ["introduction", "shared-state", "tbl-first", "tbl-second", "cell-1", "reproducibility"] {
            #expect(destinations.contains("\"\(anchor)\""), "no link destination \(anchor)")
        }
    }

    @Test func chromiumShowsTheReport() throws {
        let (workspace, result) = try FeatureReportTests.rendered.get()
        let html = try #require(result.files.first { $0.pathExtension == "html" })
        let screenshot = workspace.appendingPathComponent("screenshot.png")
        _ = try Subprocess.run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                            "--screenshot=\(screenshot.path)", "--window-size=900,1200", html.absoluteString])
        let image = cairo_image_surface_create_from_png(screenshot.path)
        defer { cairo_surface_destroy(image) }
        try #require(cairo_surface_status(image) == CAIRO_STATUS_SUCCESS, "no screenshot at \(screenshot.path)")
        let width = Int(cairo_image_surface_get_width(image)), height = Int(cairo_image_surface_get_height(image))
        let stride = Int(cairo_image_surface_get_stride(image))
        let pixels = try #require(cairo_image_surface_get_data(image))
        var inked = 0
        for y in 0..<height {
            for x in 0..<width {
                let pixel = pixels.advanced(by: y * stride + x * 4).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
                if pixel & 0xFF_FFFF != 0xFF_FFFF { inked += 1 }
            }
        }
        #expect(width == 900 && height == 1200)
        #expect(inked > width * height / 100, "the page is blank")
        #expect(inked < width * height * 9 / 10, "the page is one colour")
    }
}

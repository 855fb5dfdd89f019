import Foundation
import NotebookWire
import Report
import Testing

/// Outputs of any size: a long printed output is shortened to its head and tail with the
/// whole of it in a file beside the report, and a figure with many marks is a PNG in the
/// report with its SVG beside it.
@Suite("Output size end to end")
struct OutputSizeTests {
    @Test func aLongPrintedOutputShowsItsHeadAndTailAndLinksTheWholeOutput() throws {
        let workspace = try EndToEnd.workspace("long-output.md")
        let result = try EndToEnd.render("long-output.md", in: workspace)
        #expect(result.outcome.record.failure == nil)
        let folder = workspace.appendingPathComponent("reports/long-output")
        let html = try EndToEnd.text(folder.appendingPathComponent("index.html"))
        #expect(html.contains("<p class=\"output-omitted\">… 4601 lines omitted (the whole output: "
                              + "<a href=\"output/cell-1.txt\">output/cell-1.txt</a>) …</p>"))
        #expect(html.contains("line 0\n") && html.contains("\nline 199\n") && !html.contains("\nline 200\n"))
        #expect(!html.contains("\nline 4800\n") && html.contains(">line 4801\n") && html.contains("\nline 4999\n"))
        let omission = try #require(html.range(of: "output-omitted"))
        let figure = try #require(html.range(of: "<figure class=\"figure\""))
        let after = try #require(html.range(of: "<pre class=\"output\">after the figure\n</pre>"))
        #expect(omission.lowerBound < figure.lowerBound && figure.lowerBound < after.lowerBound,
                "the pieces keep their places around the figure")
        #expect(html.contains("a short output") && !html.contains("output/cell-2.txt"), "a short output is shown whole")

        let whole = try EndToEnd.text(folder.appendingPathComponent("output/cell-1.txt"))
        #expect(whole == (0..<5_000).map { "line \($0)\n" }.joined() + "after the figure\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/cell-2.txt").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.pdf").path))
    }

    @Test func aFigureWithManyMarksIsAPNGWithItsSVGBesideTheReport() throws {
        let workspace = try EndToEnd.workspace("big-figure.md")
        let result = try EndToEnd.render("big-figure.md", in: workspace)
        #expect(result.outcome.record.failure == nil)
        let figures = result.outcome.record.cells.flatMap(\.outputs).compactMap { output -> FigureRecord? in
            if case .figure(let figure) = output { figure } else { nil }
        }
        #expect(figures.map { $0.png != nil } == [true, false])
        #expect(figures.map { $0.displayListJSON == nil } == [true, false], "the big figure's display list stays out of the record")

        let folder = workspace.appendingPathComponent("reports/big-figure")
        let html = try EndToEnd.text(folder.appendingPathComponent("index.html"))
        let big = try #require(html.range(of: "<figure class=\"figure\" id=\"fig-cloud\">"))
        let small = try #require(html.range(of: "<figure class=\"figure\" id=\"fig-2\">"))
        #expect(html[big.upperBound...].hasPrefix("\n<img src=\"data:image/png;base64,"))
        #expect(html[small.upperBound...].hasPrefix("\n<img src=\"data:image/svg+xml;base64,"))
        #expect(html.contains("<a class=\"vector-file\" href=\"figures/fig-cloud.svg\">(SVG)</a>"))
        let svg = try EndToEnd.text(folder.appendingPathComponent("figures/fig-cloud.svg"))
        #expect(svg.contains("<svg"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("figures").path)
                == ["fig-cloud.svg"])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.pdf").path))
    }
}

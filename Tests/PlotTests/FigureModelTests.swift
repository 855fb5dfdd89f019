import Plot
import Testing

/// Measures text as 0.6 em per character, so layout runs without a font backend.
struct FixedWidthMeasurer: TextMeasurer {
    func measure(_ text: String, font: FontSpec) -> TextExtent {
        TextExtent(width: 0.6 * font.size * Double(text.count), ascent: 0.8 * font.size, descent: 0.2 * font.size)
    }
}

@Suite("Figure model: statistics, scales and bad input")
struct FigureModelTests {
    @Test("Tukey box statistics (type 7 quartiles, 1.5 IQR whiskers)")
    func boxStatistics() throws {
        let stats = try #require(BoxStatistics([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]))
        #expect(stats.median == 5.5)
        #expect(stats.lowerQuartile == 3.25 && stats.upperQuartile == 7.75)
        #expect(stats.lowerWhisker == 1 && stats.upperWhisker == 9)
        #expect(stats.outliers == [100])
        #expect(BoxStatistics([.nan]) == nil)
    }

    @Test("NaN and infinite points are dropped with a warning")
    func nonFinite() throws {
        let figure = Figure(Axes([.scatter(x: [1, 2, .nan, 4], y: [1, .infinity, 3, 4])]))
        let built = try figure.build(measuring: FixedWidthMeasurer())
        #expect(built.warnings == ["scatter: dropped 2 point(s) with NaN or infinite values"])
        let markers = built.displayList.items.compactMap { item -> Int? in
            if case let .markers(points, _, _, _, _) = item { return points.count }
            return nil
        }
        #expect(markers == [2])
    }

    @Test("missing values in bars, areas and heatmaps are counted in a warning", arguments: [
        (Mark.bars(categories: ["a", "b"], series: [(SeriesStyle(), [1, .nan])]), "bars: left out 1 NaN or infinite value(s)"),
        (Mark.stackedArea(x: [1, 2, .infinity], series: [(SeriesStyle(), [1, 2, 3]), (SeriesStyle(), [1, .nan, 3])]),
         "stacked area: dropped 2 point(s) with NaN or infinite values"),
        (Mark.heatmap(values: [[1, .nan]], rows: ["r"], columns: ["a", "b"]), "heatmap: 1 NaN or infinite cell(s) drawn grey"),
    ])
    func missingValues(_ example: (Mark, String)) throws {
        let built = try Figure(Axes([example.0])).build(measuring: FixedWidthMeasurer())
        #expect(built.warnings == [example.1])
        let labels = built.displayList.items.compactMap { item -> String? in
            if case let .text(run) = item { return run.text }
            return nil
        }
        #expect(!labels.contains("nan") && labels.count >= 3, "axes still get tick labels: \(labels)")
    }

    @Test("bad input is a clear error", arguments: [
        (Axes([.line(x: [1, 2, 3], y: [1, 2])]), PlotError.mismatchedLengths(mark: "line", lengths: [3, 2])),
        (Axes([.scatter(x: [], y: [])]), PlotError.emptyData(mark: "scatter")),
        (Axes([.scatter(x: [.nan], y: [1])]), PlotError.emptyData(mark: "scatter")),
        (Axes([.line(x: [1, 2], y: [0, 10])], yScale: .log10), PlotError.nonPositiveOnLogScale(count: 1)),
    ] as [(Axes, PlotError)])
    func badInput(_ example: (Axes, PlotError)) {
        #expect(throws: example.1) { try Figure(example.0).build(measuring: FixedWidthMeasurer()) }
    }

    @Test("an image whose values do not fill width x height is an error, not a trap")
    func imageSize() {
        let figure = Figure(panels: [.image(ImagePanel(values: [1, 2, 3], width: 2, height: 2, title: "digit"))])
        #expect(throws: PlotError.mismatchedLengths(mark: "image \"digit\"", lengths: [4, 3])) {
            try figure.build(measuring: FixedWidthMeasurer())
        }
    }

    @Test("grayscale images travel as one byte a pixel, black at the minimum and white at the maximum")
    func grayRaster() throws {
        let figure = Figure(panels: [.image(ImagePanel(values: [0, 5, 10, .nan], width: 2, height: 2))])
        let built = try figure.build(measuring: FixedWidthMeasurer())
        let image = try #require(built.displayList.items.compactMap { item -> RasterImage? in
            if case let .image(image) = item { return image }
            return nil
        }.first)
        #expect(image.format == .gray && Array(image.pixels) == [0, 128, 255, 128])
        #expect(built.warnings == ["image: 1 NaN or infinite value(s) drawn grey"])
    }

    @Test("log axes label decades and put unlabelled minor ticks at 2...9 of each decade")
    func logMinorTicks() throws {
        let scale = try Scale(kind: .log10, values: [1, 1000], limits: (1, 1000))
        #expect(scale.labels == ["10⁰", "10¹", "10²", "10³"])
        #expect(scale.minorTicks.count == 24)
        #expect(scale.minorTicks.first.map { abs($0 - log10(2)) < 1e-12 } == true)
    }

    @Test("a display list survives JSON, as the notebook channel sends it")
    func displayListCodable() throws {
        let built = try Figure(Axes([.line(x: [1, 2], y: [3, 4], style: SeriesStyle(label: "a"))])).build(measuring: FixedWidthMeasurer())
        let json = try JSONEncoder().encode(built.displayList)
        #expect(try JSONDecoder().decode(DisplayList.self, from: json) == built.displayList)
    }

    @Test("shared axes give every panel the same range")
    func sharedAxes() throws {
        func labels(shared: Bool) throws -> [String] {
            let figure = Figure(width: 400, height: 200, columns: 2, panels: [
                .axes(Axes([.line(x: [0, 1], y: [0, 1])])), .axes(Axes([.line(x: [0, 1], y: [0, 10])])),
            ], sharedY: shared)
            return try figure.build(measuring: FixedWidthMeasurer()).displayList.items.compactMap { item in
                if case let .text(run) = item { return run.text }
                return nil
            }
        }
        #expect(try labels(shared: false).filter { $0 == "10" }.count == 1)
        #expect(try labels(shared: true).filter { $0 == "10" }.count == 2)
    }

    @Test("colormaps run from their first to their last stop")
    func colormaps() {
        #expect(Colormap.viridis.color(at: 0) == Color(hex: "#440154"))
        #expect(Colormap.viridis.color(at: 1) == Color(hex: "#FDE725"))
        #expect(Colormap.redBlue.color(at: 0.5) == Color(hex: "#F7F7F7"))
        #expect(Colormap.magma.color(at: -3) == Colormap.magma.color(at: 0))
    }
}
import Foundation

@Suite("Long text shrinks to fit")
struct LongTextTests {
    @Test("a title wider than its panel is set smaller and stays inside the figure")
    func longTitle() throws {
        let title = "a twenty-char title!"
        let figure = Figure(width: 300, height: 150, columns: 3, panels: [
            .axes(Axes([.line(x: [0, 1], y: [0, 1])], title: title)), .empty, .empty,
        ])
        let list = try figure.build(measuring: FixedWidthMeasurer()).displayList
        let runs = list.items.compactMap { item -> TextRun? in
            if case let .text(run) = item, run.text == title { return run }
            return nil
        }
        let run = try #require(runs.first)
        #expect(run.font.size == 7.5, "0.6 em x 20 characters fits the 92 pt inside a 100 pt cell at 7.5 pt")
        #expect(Rect(x: 0, y: 0, width: 100, height: 150).contains(run.bounds))
    }
}

import Foundation

/// One example figure of every mark and scale, from deterministic synthetic data: the
/// golden-image tests render them and `margin gallery` writes them to reports/gallery/.
public enum Gallery {
    /// The figures by file name.
    public static var figures: [(name: String, figure: Figure)] {
        var random = SplitMix(seed: 2019)
        let normals = (0..<10_000).map { _ in random.normal() }
        let alignment = normals.enumerated().map { 0.45 + 0.12 * $1 + 0.0003 * Double($0 % 100) }
        let robustness = normals.indices.map { 0.8 * alignment[$0] + 0.1 * random.normal() + 0.2 }

        let depth = (1...10).map(Double.init)
        let lineFigure = Figure(Axes([
            .line(x: depth, y: depth.map { pow(1.9, $0) }, style: SeriesStyle(label: "κ = 2, α = 0.01", marker: .circle, lineMarkers: true)),
            .line(x: depth, y: depth.map { pow(1.4, $0) }, style: SeriesStyle(label: "κ = 1.5", dash: [5, 3], marker: .square, lineMarkers: true)),
            .referenceLine(horizontal: true, value: 10, style: SeriesStyle(label: "10×", color: .black, lineWidth: 0.8, dash: [2, 2])),
        ], title: "Relative increase of the bound", xLabel: "depth L", yLabel: "ρ̃(L) / ρ̃(1)", yScale: .log10,
           legend: .insideTopLeft))

        let scatterFigure = Figure(Axes([
            .scatter(x: alignment, y: robustness, style: SeriesStyle(label: "10,000 inputs", markerSize: 2.5, alpha: 0.25)),
            .line(x: [0, 1], y: [0.2, 1.0], style: SeriesStyle(label: "ρ̃ = 0.8 α + 0.2", color: Color.okabeIto[6])),
            .text(x: 0.05, y: 1.1, text: "Spearman r = 0.71"),
        ], title: "Alignment against robustness", xLabel: "alignment α(x) = |⟨x, g⟩| / ‖g‖₂", yLabel: "ρ̃(x)",
           xLimits: (0, 1), legend: .insideBottomRight))

        let markerFigure = Figure(Axes(MarkerShape.allCases.enumerated().map { index, shape in
            let centre = Double(index)
            return .scatter(x: (0..<30).map { _ in centre + 0.25 * random.normal() },
                            y: (0..<30).map { _ in centre * 0.5 + 0.3 * random.normal() },
                            style: SeriesStyle(label: shape.rawValue, marker: shape, markerSize: 6, alpha: 0.8))
        } + [.referenceLine(horizontal: false, value: 2, style: SeriesStyle(color: .black, lineWidth: 0.8, dash: [4, 3])),
             .text(x: 2.1, y: -0.6, text: "x = 2")],
        title: "Marker shapes", xLabel: "x", yLabel: "y", legend: .outsideRight))

        let groups = ["Test 1", "Test 2", "Test 3", "Test 4", "Test 5"]
        let boxFigure = Figure(Axes([
            .boxPlot(groups: groups, values: groups.indices.map { g in
                (0..<100).map { _ in Swift.abs(random.normal()) * Double(g + 1) * 0.3 + 0.1 * Double(g) } + [Double(g) + 3.5]
            }),
        ], title: "Bound deviations (Tukey box plots)", yLabel: "deviation ‖r‖₂ − bound", legend: .none))

        let categories = ["γ = 0", "0.001", "0.01", "0.02", "0.03"]
        let barsFigure = Figure(width: 432, height: 216, columns: 2, panels: [
            .axes(Axes([.bars(categories: categories, series: [
                (SeriesStyle(label: "attack"), [0.98, 0.93, 0.86, 0.81, 0.77]),
                (SeriesStyle(label: "certificate"), [0.02, 0.31, 0.84, 0.93, 0.96]),
            ])], title: "Grouped bars", yLabel: "success rate", yLimits: (0, 1.3))),
            .axes(Axes([.bars(categories: ["CNN", "MLP", "LeNet"], series: [
                (SeriesStyle(label: "⟨x, g†⟩"), [0.6, 0.4, 0.5]), (SeriesStyle(label: "β"), [0.3, 0.5, 0.2]),
                (SeriesStyle(label: "rest"), [0.1, 0.1, 0.3]),
            ], stacked: true)], title: "Stacked bars", yLabel: "share", legend: .outsideRight)),
        ])

        let lambdas = [10.0, 100, 1_000, 10_000, 100_000, 180_000]
        let areaFigure = Figure(Axes([
            .stackedArea(x: lambdas, series: [
                (SeriesStyle(label: "|⟨x, ḡ⟩|"), lambdas.map { 0.55 + 0.05 * log10($0) }),
                (SeriesStyle(label: "|β̄|"), lambdas.map { 0.4 - 0.05 * log10($0) }),
                (SeriesStyle(label: "remainder"), lambdas.map { _ in 0.05 }),
            ]),
        ], title: "Share of each summand", xLabel: "λ", yLabel: "share", xScale: .log10, legend: .outsideRight))

        let steps = (0..<12).map(Double.init)
        let means = steps.map { 0.9 - 0.5 * exp(-$0 / 3) }
        let errorFigure = Figure(Axes([
            .band(x: steps, lower: means.map { $0 - 0.08 }, upper: means.map { $0 + 0.08 }, style: SeriesStyle(label: "± 2σ", alpha: 0.25)),
            .errorBars(x: steps, y: means, lower: means.map { $0 - 0.04 }, upper: means.map { $0 + 0.04 },
                       style: SeriesStyle(label: "mean ± σ", color: Color.okabeIto[5])),
        ], title: "Error bars and bands", xLabel: "epoch", yLabel: "accuracy", legend: .insideBottomRight))

        let digits = (0..<10).map(String.init)
        let confusion = digits.indices.map { row in digits.indices.map { column in
            row == column ? 0 : Double((row * 7 + column * 3) % 11) + (column == (row + 1) % 10 ? 25 : 0)
        } }
        let heatmapFigure = Figure(Axes([
            .heatmap(values: confusion, rows: digits, columns: digits, colormap: .magma, colorbarLabel: "adversarials"),
        ], title: "Original class → adversarial class", xLabel: "new class", yLabel: "original class", grid: false),
           width: 360, height: 300)

        let side = 28
        let ring = (0..<(side * side)).map { index -> Double in
            let (y, x) = (Double(index / side) - 13.5, Double(index % side) - 13.5)
            return exp(-pow((x * x + y * y).squareRoot() - 8, 2) / 6)
        }
        let saliency = (0..<(side * side)).map { index -> Double in
            let (y, x) = (Double(index / side) - 13.5, Double(index % side) - 13.5)
            return sin(x / 3) * cos(y / 4) * exp(-(x * x + y * y) / 200)
        }
        let imageFigure = Figure(width: 360, height: 140, rows: 1, columns: 3, panels: [
            .image(ImagePanel(values: ring, width: side, height: side, title: "x")),
            .image(ImagePanel(values: saliency, width: side, height: side, colormap: .redBlue, scaling: .symmetric, title: "g, α = 0.42")),
            .image(ImagePanel(values: saliency.map { Swift.abs($0) }, width: side, height: side, colormap: .viridis, title: "|g|")),
        ], title: "Image grid")

        return [("line-log", lineFigure), ("scatter-10k", scatterFigure), ("markers", markerFigure), ("box-plot", boxFigure), ("bars", barsFigure),
                ("stacked-area", areaFigure), ("error-bars", errorFigure), ("heatmap", heatmapFigure), ("image-grid", imageFigure)]
    }
}

/// SplitMix64 with Box–Muller, only for the gallery's synthetic data.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }
    mutating func normal() -> Double {
        (-2 * log(max(uniform(), 1e-300))).squareRoot() * cos(2 * .pi * uniform())
    }
}

import Margin

/// The figure workload (issue 8) against matplotlib's Agg backend in
/// bench/peers/matplotlib_scatter.py: a 10,000-point scatter with axes, labels and a
/// title, 4 x 3 inches at 150 dpi, laid out and encoded as PNG.
let plotWorkloads: [Workload] = [
    Workload(name: "scatter-10k", peer: "matplotlib") {
        var generator = SeededGenerator(seed: 7)
        let x = Tensor<Double>.randomNormal(shape: [10_000], using: &generator).scalars
        let y = zip(x, Tensor<Double>.randomNormal(shape: [10_000], using: &generator).scalars).map { 0.8 * $0 + 0.6 * $1 }
        let figure = Figure(Axes([.scatter(x: x, y: y, style: SeriesStyle(markerSize: 3, alpha: 0.3))],
                                 title: "10,000 points", xLabel: "alignment α", yLabel: "robustness ρ̃"), width: 288, height: 216)
        let measurer = PangoTextMeasurer()
        return { _ = try FigureOutput.png(figure.build(measuring: measurer).displayList, dpi: 150) }
    },
]

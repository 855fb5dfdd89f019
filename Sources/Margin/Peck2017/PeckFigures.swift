import Plot
import Reproductions

/// Figures of the Peck et al. 2017 reproduction built from library results, so the
/// notebook's cells stay short.
public enum PeckFigures {
    /// The budget curve of Table 5.3's networks: FGS's adversarial rate and the smallest FGS ε
    /// (pixel units, log scale) after each epoch, one line per network; nil when no curve was
    /// measured.
    public static func budget(_ curves: [(name: String, points: [ConvolutionalBudgetPoint])]) -> Figure? {
        let measured = curves.filter { !$0.points.isEmpty }
        guard !measured.isEmpty else { return nil }
        let markers = MarkerShape.allCases
        func lines(_ value: (ConvolutionalBudgetPoint) -> Double) -> [Mark] {
            measured.enumerated().map { index, curve in
                .line(x: curve.points.map { Double($0.epoch) }, y: curve.points.map(value),
                      style: SeriesStyle(label: curve.name, marker: markers[index % markers.count], lineMarkers: true))
            }
        }
        let rate = Axes(lines { 100 * $0.rate }, xLabel: "training epochs", yLabel: "FGS adversarial rate (%)", legend: .none)
        let smallest = Axes(lines(\.smallestEpsilon), xLabel: "training epochs", yLabel: "smallest FGS ε (pixels)",
                            yScale: .log10, legend: .outsideRight)
        return Figure(width: 620, height: 250, rows: 1, columns: 2, panels: [.axes(rate), .axes(smallest)])
    }
}

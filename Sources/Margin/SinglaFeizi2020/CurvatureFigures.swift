import Plot
import Reproductions

/// Figures of the Singla & Feizi reproduction built from library results, so the notebook's
/// cells stay short.
public enum CurvatureFigures {
    /// The budget curve: certified accuracy at ρ and the median of Thm 4's K after each
    /// measured epoch, one line per network (the marker names the depth, a dashed line the
    /// penalty); nil when no curve was measured.
    public static func budget(_ curves: [(config: CurvatureTrainingConfig, points: [CurvatureBudgetPoint])], rho: Double) -> Figure? {
        let measured = curves.filter { !$0.points.isEmpty }
        guard !measured.isEmpty else { return nil }
        let markers: [Int: MarkerShape] = [2: .triangle, 3: .circle, 4: .square]
        func lines(_ value: (CurvatureBudgetPoint) -> Double) -> [Mark] {
            measured.map { curve in
                .line(x: curve.points.map { Double($0.epoch) }, y: curve.points.map(value),
                      style: SeriesStyle(label: "\(curve.config.networkLabel), \(curve.config.trainingLabel)",
                                         dash: curve.config.gamma == 0 ? [] : [4, 3],
                                         marker: markers[curve.config.depth] ?? .diamond, lineMarkers: true))
            }
        }
        let certified = Axes(lines { 100 * $0.certifiedAccuracy }, xLabel: "training epochs",
                             yLabel: "certified at ρ = \(rho.formatted()) (%)", yLimits: (0, 100), legend: .none)
        let curvature = Axes(lines(\.medianCurvature), xLabel: "training epochs", yLabel: "median K (Thm 4)",
                             yScale: .log10, legend: .outsideRight)
        return Figure(width: 620, height: 250, rows: 1, columns: 2, panels: [.axes(certified), .axes(curvature)])
    }
}

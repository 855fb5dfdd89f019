/// One plotting area: marks over an x and a y scale, with labels, a title and a legend.
public struct Axes: Sendable {
    /// Where the legend goes; `best` picks the inside corner that covers the fewest data points
    /// (as matplotlib's loc="best").
    public enum LegendPlacement: Sendable { case none, best, insideTopRight, insideTopLeft, insideBottomRight, insideBottomLeft, outsideRight }

    public var marks: [Mark]
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    /// `.linear` or `.log10`; categorical axes come from bars, box plots and heatmaps.
    public var xScale: ScaleKind
    public var yScale: ScaleKind
    public var xLimits: (Double, Double)?
    public var yLimits: (Double, Double)?
    public var legend: LegendPlacement
    /// Draw light grid lines at the ticks.
    public var grid: Bool

    public init(_ marks: [Mark], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
                xScale: ScaleKind = .linear, yScale: ScaleKind = .linear,
                xLimits: (Double, Double)? = nil, yLimits: (Double, Double)? = nil,
                legend: LegendPlacement = .best, grid: Bool = true) {
        self.marks = marks
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
        self.xLimits = xLimits
        self.yLimits = yLimits
        self.legend = legend
        self.grid = grid
    }
}

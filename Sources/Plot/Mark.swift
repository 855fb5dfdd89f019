/// Data bound to a visual form, drawn in an `Axes`.
public enum Mark: Sendable {
    /// A polyline through (x, y); NaN breaks the line.
    case line(x: [Double], y: [Double], style: SeriesStyle = SeriesStyle())
    /// Markers at (x, y) (thousands are fine: they are one display item).
    case scatter(x: [Double], y: [Double], style: SeriesStyle = SeriesStyle())
    /// Tukey box plots, one per group: box from the first to the third quartile with the
    /// median, whiskers to the most extreme values within 1.5 IQR, outliers beyond.
    case boxPlot(groups: [String], values: [[Double]], style: SeriesStyle = SeriesStyle())
    /// Bars per category, one series each, side by side or stacked.
    case bars(categories: [String], series: [(style: SeriesStyle, values: [Double])], stacked: Bool = false)
    /// Areas stacked on each other over x (each series' share of a total, e.g. Etmann Figs. 6–8).
    case stackedArea(x: [Double], series: [(style: SeriesStyle, values: [Double])])
    /// Vertical error bars from lower to upper at each x, with a marker at y.
    case errorBars(x: [Double], y: [Double], lower: [Double], upper: [Double], style: SeriesStyle = SeriesStyle())
    /// A shaded band between lower and upper over x.
    case band(x: [Double], lower: [Double], upper: [Double], style: SeriesStyle = SeriesStyle(alpha: 0.25))
    /// A matrix of values as coloured cells (row 0 at the top), with a colour bar and,
    /// optionally, each value written in its cell.
    case heatmap(values: [[Double]], rows: [String], columns: [String], colormap: Colormap = .viridis,
                 showValues: Bool = true, colorbarLabel: String? = nil)
    /// A horizontal (y = value) or vertical (x = value) line across the axes.
    case referenceLine(horizontal: Bool, value: Double, style: SeriesStyle = SeriesStyle(color: .black, lineWidth: 1, dash: [4, 3]))
    /// A text annotation at (x, y) in data coordinates.
    case text(x: Double, y: Double, text: String, style: SeriesStyle = SeriesStyle())

    var name: String {
        switch self {
        case .line: return "line"
        case .scatter: return "scatter"
        case .boxPlot: return "box plot"
        case .bars: return "bars"
        case .stackedArea: return "stacked area"
        case .errorBars: return "error bars"
        case .band: return "band"
        case .heatmap: return "heatmap"
        case .referenceLine: return "reference line"
        case .text: return "text"
        }
    }
}

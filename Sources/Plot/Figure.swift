/// A figure: a grid of panels (`rows` x `columns`, filled row by row) with an optional
/// title, sized in points (72 per inch; 4 x 3 in = 288 x 216). `build(measuring:)` lays it
/// out and produces the display list a renderer draws.
public struct Figure: Sendable {
    public var width: Double
    public var height: Double
    public var rows: Int
    public var columns: Int
    public var panels: [Panel]
    public var title: String?
    public var theme: Theme
    /// Give every axes panel the same x range (trained on all panels' data), as
    /// matplotlib's `sharex=True` and ggplot2's fixed facet scales.
    public var sharedX: Bool
    /// The same for y.
    public var sharedY: Bool

    public init(width: Double = 288, height: Double = 216, rows: Int = 1, columns: Int = 1,
                panels: [Panel], title: String? = nil, sharedX: Bool = false, sharedY: Bool = false,
                theme: Theme = Theme()) {
        self.sharedX = sharedX
        self.sharedY = sharedY
        self.width = width
        self.height = height
        self.rows = rows
        self.columns = columns
        self.panels = panels
        self.title = title
        self.theme = theme
    }

    /// A one-panel figure.
    public init(_ axes: Axes, width: Double = 288, height: Double = 216, theme: Theme = Theme()) {
        self.init(width: width, height: height, panels: [.axes(axes)], theme: theme)
    }

    /// Every axes panel's marks, for training shared scales.
    var allMarks: [Mark] {
        panels.flatMap { panel -> [Mark] in
            if case let .axes(axes) = panel { return axes.marks }
            return []
        }
    }

    /// Lays out the figure (scales trained, ticks chosen, text measured, margins sized so
    /// nothing is clipped) and returns its display list with any warnings.
    public func build(measuring measurer: some TextMeasurer) throws -> BuiltFigure {
        guard panels.count <= rows * columns, rows > 0, columns > 0 else {
            throw PlotError.invalidLayout("\(panels.count) panels do not fit a \(rows) x \(columns) grid")
        }
        var builder = FigureBuilder(figure: self, measurer: measurer)
        return try builder.build()
    }
}

/// The extent of a laid-out string in points: its advance width and its height above and
/// below the baseline.
public struct TextExtent: Sendable, Equatable {
    public var width: Double, ascent: Double, descent: Double
    public init(width: Double, ascent: Double, descent: Double) {
        (self.width, self.ascent, self.descent) = (width, ascent, descent)
    }
    public var height: Double { ascent + descent }
}

/// Measures text as the renderer will draw it (PlotCairo's `PangoTextMeasurer`), so layout
/// can reserve room for tick labels and titles before anything is drawn.
public protocol TextMeasurer {
    func measure(_ text: String, font: FontSpec) -> TextExtent
}

/// Measures text as the renderer will draw it (PlotCairo's `PangoTextMeasurer`), so layout
/// can reserve room for tick labels and titles before anything is drawn.
public protocol TextMeasurer {
    func measure(_ text: String, font: FontSpec) -> TextExtent
}

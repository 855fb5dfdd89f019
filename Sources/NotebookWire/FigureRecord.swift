/// A figure a cell showed: Plot's display list (JSON) laid out for a size in points.
/// The report draws it: SVG or 2x PNG in HTML, vector graphics in the PDF.
public struct FigureRecord: Sendable, Hashable, Codable {
    /// The figure's display list, encoded as JSON by Plot (Notebook never decodes it).
    public var displayListJSON: String
    /// Width in points (1/72 in).
    public var width: Double
    /// Height in points.
    public var height: Double
    /// A caption given to `show(_:caption:)`; the cell's `caption` option is used otherwise.
    public var caption: String?

    /// Width of a figure whose cell sets no `fig-width`: 432 pt (6 in).
    public static let defaultWidth: Double = 432
    /// Height of a figure whose cell sets no `fig-height`: 288 pt (4 in).
    public static let defaultHeight: Double = 288

    /// A figure of `width` x `height` points drawn by `displayListJSON`.
    public init(displayListJSON: String, width: Double, height: Double, caption: String? = nil) {
        self.displayListJSON = displayListJSON
        self.width = width
        self.height = height
        self.caption = caption
    }
}

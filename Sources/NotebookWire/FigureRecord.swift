import Foundation

/// A figure a cell showed: Plot's display list (JSON) laid out for a size in points, or, for
/// a figure with more marks than `rasterMarkLimit`, a PNG drawn by the notebook program and
/// the path of its SVG. The report draws it: SVG or 2x PNG in HTML, vector graphics in the
/// PDF; a rasterised figure is the PNG in both, with its SVG written beside the report.
public struct FigureRecord: Sendable, Hashable, Codable {
    /// The figure's display list, encoded as JSON by Plot (Notebook never decodes it); nil
    /// when the figure was rasterised (`png`).
    public var displayListJSON: String?
    /// The figure drawn at 144 dpi (2x), when it has more marks than `rasterMarkLimit`.
    public var png: Data?
    /// The absolute path of the rasterised figure's SVG, which the notebook program wrote to
    /// the build folder (`ChannelEnvironment.figures`); nil when it could not be written.
    public var vectorFile: String?
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
    /// The number of marks (scatter points plus path segments) above which a figure travels
    /// and appears in the report as a PNG: 20,000. Below it an SVG is a few megabytes at most
    /// and draws quickly; a 10⁶-point scatter as SVG is 150 MB, its display list 51 MB, its
    /// PNG about 100 kB.
    public static let rasterMarkLimit = 20_000

    /// A figure of `width` x `height` points drawn by `displayListJSON`.
    public init(displayListJSON: String, width: Double, height: Double, caption: String? = nil) {
        self.displayListJSON = displayListJSON
        self.width = width
        self.height = height
        self.caption = caption
    }

    /// A figure of `width` x `height` points rasterised to `png`, its SVG at `vectorFile`.
    public init(png: Data, vectorFile: String?, width: Double, height: Double, caption: String? = nil) {
        self.png = png
        self.vectorFile = vectorFile
        self.width = width
        self.height = height
        self.caption = caption
    }
}

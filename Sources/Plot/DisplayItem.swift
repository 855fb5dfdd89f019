/// One drawing primitive.
public enum DisplayItem: Codable, Sendable, Equatable {
    /// A path, filled and/or stroked.
    case path([PathElement], fill: Color?, stroke: Stroke?)
    /// The same marker at many positions (a scatter plot's points), drawn in one item.
    case markers([Point], shape: MarkerShape, size: Double, fill: Color?, stroke: Stroke?)
    /// A string.
    case text(TextRun)
    /// A raster image scaled into a rectangle.
    case image(RasterImage)
    /// Clips what follows to a rectangle until the matching `endClip`.
    case beginClip(Rect)
    case endClip
}

/// One image of an image grid (a digit, a saliency map), drawn pixel-sharp.
public struct ImagePanel: Sendable {
    /// How values map to colours.
    public enum Scaling: Sendable, Equatable {
        /// This image's own minimum to maximum (Etmann et al. Fig. 10 scales each map).
        case perImage
        /// Symmetric about zero, -max|v| ... max|v| (for diverging maps of signed values).
        case symmetric
        /// A fixed range shared by images.
        case fixed(Double, Double)
    }

    /// Row-major values, `height` rows of `width`.
    public var values: [Double]
    public var width: Int, height: Int
    public var colormap: Colormap
    public var scaling: Scaling
    public var title: String?

    public init(values: [Double], width: Int, height: Int, colormap: Colormap = .grayscale,
                scaling: Scaling = .perImage, title: String? = nil) {
        precondition(values.count == width * height, "image of \(width)x\(height) needs \(width * height) values, got \(values.count)")
        self.values = values
        self.width = width
        self.height = height
        self.colormap = colormap
        self.scaling = scaling
        self.title = title
    }
}

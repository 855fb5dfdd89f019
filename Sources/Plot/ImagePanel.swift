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

    /// An image panel; building the figure throws if `values` is not `width` x `height` long.
    /// - Parameters:
    ///   - colormap: value to colour (default grayscale, black low, white high).
    ///   - scaling: the value range the colormap spans (default `.perImage`).
    ///   - title: text above the image (default none).
    public init(values: [Double], width: Int, height: Int, colormap: Colormap = .grayscale,
                scaling: Scaling = .perImage, title: String? = nil) {
        self.values = values
        self.width = width
        self.height = height
        self.colormap = colormap
        self.scaling = scaling
        self.title = title
    }
}

import Foundation

/// A raster image drawn into `frame`, stretched to fill it: 8-bit gray or RGBA pixels
/// (row-major; RGBA not premultiplied), stored as bytes (base64 in JSON). `smooth: false`
/// keeps pixels sharp (nearest neighbour), as saliency maps and digits want.
public struct RasterImage: Codable, Sendable, Equatable {
    /// How many bytes a pixel has and what they mean.
    public enum PixelFormat: String, Codable, Sendable {
        /// One byte a pixel: 0 black ... 255 white.
        case gray
        /// Four bytes a pixel: red, green, blue, opacity.
        case rgba

        /// Bytes per pixel.
        public var bytesPerPixel: Int { self == .gray ? 1 : 4 }
    }

    /// The size in pixels.
    public var pixelWidth: Int, pixelHeight: Int
    /// Gray or RGBA bytes.
    public var format: PixelFormat
    /// pixelWidth x pixelHeight x bytes-per-pixel bytes, row by row from the top.
    public var pixels: Data
    /// Where the image goes, in points; pixels are stretched to fill it.
    public var frame: Rect
    /// Bilinear interpolation when scaling (colour bars); false keeps pixels square.
    public var smooth: Bool

    /// An image of `pixelWidth` x `pixelHeight` pixels; throws `PlotError.mismatchedLengths`
    /// unless `pixels` has exactly width x height x bytes-per-pixel bytes.
    /// - Parameter smooth: interpolate between pixels when scaling (default false).
    public init(pixelWidth: Int, pixelHeight: Int, format: PixelFormat, pixels: Data, frame: Rect,
                smooth: Bool = false) throws {
        let expected = pixelWidth * pixelHeight * format.bytesPerPixel
        guard pixelWidth > 0, pixelHeight > 0, pixels.count == expected else {
            throw PlotError.mismatchedLengths(mark: "raster image \(pixelWidth)x\(pixelHeight) \(format.rawValue)",
                                              lengths: [expected, pixels.count])
        }
        (self.pixelWidth, self.pixelHeight, self.format, self.pixels, self.frame, self.smooth) =
            (pixelWidth, pixelHeight, format, pixels, frame, smooth)
    }
}

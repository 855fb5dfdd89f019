import Foundation

/// An encoded figure for the HTML report: SVG for vector figures, PNG (at 2x) for figures
/// that hold raster images.
public struct FigureImage: Sendable, Hashable {
    /// `image/svg+xml` or `image/png`.
    public var mimeType: String
    /// The encoded image.
    public var data: Data

    /// An image of `mimeType` holding `data`.
    public init(mimeType: String, data: Data) {
        self.mimeType = mimeType
        self.data = data
    }

    /// The image as a `data:` URL, so the report stays one self-contained file.
    public var dataURL: String { "data:\(mimeType);base64,\(data.base64EncodedString())" }
}

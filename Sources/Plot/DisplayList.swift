/// A drawing as data: the figure's size in points and the primitives to draw, in order.
/// Building a figure produces one; a `Renderer` draws it. It is Codable, so a notebook
/// program can send it to the report generator, which draws it into a PDF page.
public struct DisplayList: Codable, Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var items: [DisplayItem]

    public init(width: Double, height: Double, items: [DisplayItem] = []) {
        (self.width, self.height, self.items) = (width, height, items)
    }

    /// Draws every item into `renderer`, in order.
    public func render(into renderer: some Renderer) {
        for item in items {
            switch item {
            case let .path(elements, fill, stroke): renderer.drawPath(elements, fill: fill, stroke: stroke)
            case let .markers(positions, shape, size, fill, stroke):
                renderer.drawMarkers(at: positions, shape: shape, size: size, fill: fill, stroke: stroke)
            case let .text(run): renderer.drawText(run)
            case let .image(image): renderer.drawImage(image)
            case let .beginClip(rect): renderer.pushClip(rect)
            case .endClip: renderer.popClip()
            }
        }
    }
}

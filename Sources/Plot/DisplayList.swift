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

/// A piece of a path.
public enum PathElement: Codable, Sendable, Equatable {
    case move(Point)
    case line(Point)
    case close
    case rectangle(Rect)
    case circle(center: Point, radius: Double)
}

/// How a line is drawn: colour, width in points, and a dash pattern (empty: solid).
public struct Stroke: Codable, Sendable, Equatable {
    public var color: Color, width: Double, dash: [Double]
    public init(color: Color, width: Double = 1, dash: [Double] = []) {
        (self.color, self.width, self.dash) = (color, width, dash)
    }
}

/// The shape of a scatter marker.
public enum MarkerShape: String, Codable, Sendable, CaseIterable {
    case circle, square, triangle, diamond, cross
}

/// A string placed at a point, anchored horizontally and vertically, optionally rotated
/// (degrees counter-clockwise about the anchor).
public struct TextRun: Codable, Sendable, Equatable {
    public enum HorizontalAnchor: String, Codable, Sendable { case start, middle, end }
    public enum VerticalAnchor: String, Codable, Sendable { case top, middle, baseline, bottom }

    public var text: String
    public var position: Point
    public var font: FontSpec
    public var color: Color
    public var horizontal: HorizontalAnchor
    public var vertical: VerticalAnchor
    public var rotation: Double
    /// The box the text occupies after anchoring and rotation (filled in by layout, which
    /// measured it), for checks that nothing leaves the figure.
    public var bounds: Rect

    public init(text: String, position: Point, font: FontSpec, color: Color = .black,
                horizontal: HorizontalAnchor = .start, vertical: VerticalAnchor = .baseline,
                rotation: Double = 0, bounds: Rect) {
        self.text = text
        self.position = position
        self.font = font
        self.color = color
        self.horizontal = horizontal
        self.vertical = vertical
        self.rotation = rotation
        self.bounds = bounds
    }
}

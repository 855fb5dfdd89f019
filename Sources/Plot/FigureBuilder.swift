import Foundation

/// Lays out a `Figure` into a `DisplayList`: the grid, then each panel (see the
/// `FigureBuilder+Axes` and `FigureBuilder+Marks` extensions).
struct FigureBuilder<Measurer: TextMeasurer> {
    let figure: Figure
    let measurer: Measurer
    var items: [DisplayItem] = []
    var warnings: [String] = []

    init(figure: Figure, measurer: Measurer) {
        self.figure = figure
        self.measurer = measurer
    }

    var theme: Theme { figure.theme }

    mutating func build() throws -> BuiltFigure {
        items.append(.path([.rectangle(Rect(x: 0, y: 0, width: figure.width, height: figure.height))], fill: .white, stroke: nil))
        var top = 0.0
        if let title = figure.title {
            let font = fittedFont(title, size: theme.titleSize + 1, width: figure.width - 2 * theme.padding, bold: true)
            let extent = measurer.measure(title, font: font)
            top = theme.padding + extent.height + theme.padding
            addText(title, at: Point(figure.width / 2, theme.padding), font: font, horizontal: .middle, vertical: .top)
        }
        var scratch = self
        let shared = try figure.allMarks.map { try scratch.dataExtent(scratch.clean($0)) }
        let sharedValues = (x: figure.sharedX ? shared.flatMap(\.x) : [], y: figure.sharedY ? shared.flatMap(\.y) : [])
        let cellWidth = figure.width / Double(figure.columns)
        let cellHeight = (figure.height - top) / Double(figure.rows)
        for (index, panel) in figure.panels.enumerated() {
            let cell = Rect(x: Double(index % figure.columns) * cellWidth, y: top + Double(index / figure.columns) * cellHeight,
                            width: cellWidth, height: cellHeight)
            switch panel {
            case let .axes(axes): try layoutAxes(axes, in: cell, sharedValues: sharedValues)
            case let .image(image): try layoutImage(image, in: cell)
            case .empty: break
            }
        }
        return BuiltFigure(displayList: DisplayList(width: figure.width, height: figure.height, items: items), warnings: warnings)
    }

    /// Adds a text item, recording the box it occupies (rotation 0 or ±90 degrees).
    mutating func addText(_ text: String, at position: Point, font: FontSpec, color: Color = .black,
                          horizontal: TextRun.HorizontalAnchor = .start, vertical: TextRun.VerticalAnchor = .baseline,
                          rotation: Double = 0) {
        let extent = measurer.measure(text, font: font)
        let along: Double
        switch horizontal {
        case .start: along = 0
        case .middle: along = -extent.width / 2
        case .end: along = -extent.width
        }
        let across: Double
        switch vertical {
        case .top: across = 0
        case .middle: across = -extent.height / 2
        case .baseline: across = -extent.ascent
        case .bottom: across = -extent.height
        }
        let bounds: Rect
        if Swift.abs(rotation) < 1 {
            bounds = Rect(x: position.x + along, y: position.y + across, width: extent.width, height: extent.height)
        } else if rotation > 0 {
            bounds = Rect(x: position.x + across, y: position.y - along - extent.width, width: extent.height, height: extent.width)
        } else {
            bounds = Rect(x: position.x - across - extent.height, y: position.y + along, width: extent.height, height: extent.width)
        }
        items.append(.text(TextRun(text: text, position: position, font: font, color: color, horizontal: horizontal,
                                   vertical: vertical, rotation: rotation, bounds: bounds)))
    }

    /// The theme's font at `size`, made smaller (down to 6 pt) until `text` is at most
    /// `width` points wide, so long titles and labels shrink instead of being clipped.
    func fittedFont(_ text: String, size: Double, width: Double, bold: Bool = false) -> FontSpec {
        var font = theme.font(size: size, bold: bold)
        while font.size > 6, measurer.measure(text, font: font).width > width { font.size -= 0.5 }
        return font
    }

    /// Horizontal text centred over `x` where it fits, shifted (and if need be shrunk) to
    /// stay inside `span` with the theme's padding.
    mutating func addCentredText(_ text: String, size: Double, over x: Double, within span: ClosedRange<Double>,
                                 at y: Double, vertical: TextRun.VerticalAnchor) {
        let inner = (span.lowerBound + theme.padding)...(span.upperBound - theme.padding)
        let font = fittedFont(text, size: size, width: inner.upperBound - inner.lowerBound)
        let half = measurer.measure(text, font: font).width / 2
        let centre = min(max(x, inner.lowerBound + half), inner.upperBound - half)
        addText(text, at: Point(centre, y), font: font, horizontal: .middle, vertical: vertical)
    }

    /// Image grid cell: the image keeps its aspect ratio, centred under its title. Grayscale
    /// images become 8-bit gray rasters, others RGBA; non-finite values are drawn mid-grey
    /// and counted in a warning.
    mutating func layoutImage(_ image: ImagePanel, in cell: Rect) throws {
        let name = image.title.map { "image \"\($0)\"" } ?? "image"
        guard image.width > 0, image.height > 0, image.values.count == image.width * image.height else {
            throw PlotError.mismatchedLengths(mark: name, lengths: [image.width * image.height, image.values.count])
        }
        var area = Rect(x: cell.x + 3, y: cell.y + 3, width: cell.width - 6, height: cell.height - 6)
        if let title = image.title {
            let height = measurer.measure(title, font: theme.font(size: theme.tickLabelSize)).height
            addCentredText(title, size: theme.tickLabelSize, over: cell.x + cell.width / 2, within: cell.x...cell.maxX,
                           at: area.y, vertical: .top)
            area.y += height + 3
            area.height -= height + 3
        }
        let scale = min(area.width / Double(image.width), area.height / Double(image.height))
        guard scale > 0 else { return }
        let frame = Rect(x: area.x + (area.width - scale * Double(image.width)) / 2, y: area.y,
                         width: scale * Double(image.width), height: scale * Double(image.height))
        let finite = image.values.filter(\.isFinite)
        if finite.count < image.values.count {
            warnings.append("\(name): \(image.values.count - finite.count) NaN or infinite value(s) drawn grey")
        }
        let (low, high): (Double, Double)
        switch image.scaling {
        case .perImage: (low, high) = (finite.min() ?? 0, finite.max() ?? 1)
        case .symmetric:
            let reach = finite.map { Swift.abs($0) }.max() ?? 1
            (low, high) = (-reach, reach)
        case let .fixed(a, b): (low, high) = (a, b)
        }
        let span = high - low > 0 ? high - low : 1
        let missing = Color(hex: "#808080")
        let raster: RasterImage
        if image.colormap == .grayscale {
            let gray = image.values.map { value in value.isFinite ? image.colormap.color(at: (value - low) / span).rgba8[0] : missing.rgba8[0] }
            raster = try RasterImage(pixelWidth: image.width, pixelHeight: image.height, format: .gray, pixels: Data(gray), frame: frame)
        } else {
            let rgba = image.values.flatMap { value in (value.isFinite ? image.colormap.color(at: (value - low) / span) : missing).rgba8 }
            raster = try RasterImage(pixelWidth: image.width, pixelHeight: image.height, format: .rgba, pixels: Data(rgba), frame: frame)
        }
        items.append(.image(raster))
    }
}

import CCairo
import Foundation
import Plot

/// Draws display lists into any cairo context: an image surface for PNG, a PDF or SVG
/// surface, or a page of the report's PDF (translate and scale the context first).
public final class CairoRenderer: Renderer {
    private let context: OpaquePointer

    /// A renderer drawing into `context` (a `cairo_t *`), which the caller owns.
    public init(context: OpaquePointer) {
        self.context = context
    }

    public func drawPath(_ elements: [PathElement], fill: Color?, stroke: Stroke?) {
        cairo_new_path(context)
        for element in elements {
            switch element {
            case let .move(p): cairo_move_to(context, p.x, p.y)
            case let .line(p): cairo_line_to(context, p.x, p.y)
            case .close: cairo_close_path(context)
            case let .rectangle(r): cairo_rectangle(context, r.x, r.y, r.width, r.height)
            case let .circle(center, radius):
                cairo_new_sub_path(context)
                cairo_arc(context, center.x, center.y, radius, 0, 2 * .pi)
            }
        }
        paint(fill: fill, stroke: stroke)
    }

    public func drawMarkers(at positions: [Point], shape: MarkerShape, size: Double, fill: Color?, stroke: Stroke?) {
        if cairo_surface_get_type(cairo_get_target(context)) == CAIRO_SURFACE_TYPE_IMAGE, positions.count > 64 {
            stampMarkers(at: positions, shape: shape, size: size, fill: fill, stroke: stroke)
            return
        }
        let translucent = (fill?.alpha ?? 1) < 1 || (stroke?.color.alpha ?? 1) < 1
        cairo_new_path(context)
        for point in positions {
            addMarker(shape, at: point, size: size)
            if translucent { paint(fill: fill, stroke: stroke) }
        }
        if !translucent { paint(fill: fill, stroke: stroke) }
    }

    /// On raster surfaces, draws the marker once into a small image at device resolution and
    /// composites that stamp at every position (as matplotlib's Agg backend does), instead of
    /// filling thousands of paths; vector surfaces keep one path per marker.
    private func stampMarkers(at positions: [Point], shape: MarkerShape, size: Double, fill: Color?, stroke: Stroke?) {
        var scaleX = 1.0, scaleY = 0.0
        cairo_user_to_device_distance(context, &scaleX, &scaleY)
        let deviceScale = max(scaleX, 1e-6)
        let margin = (stroke?.width ?? 0) + 2
        let side = Int(((size + 2 * margin) * deviceScale).rounded(.up))
        let stamp = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(side), Int32(side))!
        defer { cairo_surface_destroy(stamp) }
        cairo_surface_set_device_scale(stamp, deviceScale, deviceScale)
        let stampContext = cairo_create(stamp)!
        let half = Double(side) / deviceScale / 2
        CairoRenderer(context: stampContext).drawMarkers(at: [Point(half, half)], shape: shape, size: size, fill: fill, stroke: stroke)
        cairo_destroy(stampContext)
        for point in positions {
            let x = ((point.x - half) * deviceScale).rounded() / deviceScale
            let y = ((point.y - half) * deviceScale).rounded() / deviceScale
            cairo_set_source_surface(context, stamp, x, y)
            cairo_paint(context)
        }
    }

    public func drawText(_ run: TextRun) {
        let layout = PangoText.layout(run.text, font: run.font, context: context)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let extent = PangoText.extent(of: layout)
        let along: Double
        switch run.horizontal {
        case .start: along = 0
        case .middle: along = -extent.width / 2
        case .end: along = -extent.width
        }
        let across: Double
        switch run.vertical {
        case .top: across = 0
        case .middle: across = -extent.height / 2
        case .baseline: across = -extent.ascent
        case .bottom: across = -extent.height
        }
        cairo_save(context)
        cairo_translate(context, run.position.x, run.position.y)
        cairo_rotate(context, -run.rotation * .pi / 180)
        cairo_move_to(context, along, across)
        setColor(run.color)
        pango_cairo_update_layout(context, layout)
        pango_cairo_show_layout(context, layout)
        cairo_restore(context)
    }

    /// Draws the pixels as a cairo ARGB32 surface (premultiplied), scaled into the frame.
    public func drawImage(_ image: RasterImage) {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(image.pixelWidth), Int32(image.pixelHeight))!
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        image.pixels.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            for row in 0..<image.pixelHeight {
                let line = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
                for column in 0..<image.pixelWidth {
                    let index = row * image.pixelWidth + column
                    switch image.format {
                    case .gray:
                        let level = UInt32(bytes[index])
                        line[column] = 0xFF00_0000 | level << 16 | level << 8 | level
                    case .rgba:
                        let source = index * 4
                        let alpha = UInt32(bytes[source + 3])
                        func premultiplied(_ channel: UInt8) -> UInt32 { (UInt32(channel) * alpha + 127) / 255 }
                        line[column] = alpha << 24 | premultiplied(bytes[source]) << 16
                            | premultiplied(bytes[source + 1]) << 8 | premultiplied(bytes[source + 2])
                    }
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        cairo_save(context)
        cairo_rectangle(context, image.frame.x, image.frame.y, image.frame.width, image.frame.height)
        cairo_clip(context)
        cairo_translate(context, image.frame.x, image.frame.y)
        cairo_scale(context, image.frame.width / Double(image.pixelWidth), image.frame.height / Double(image.pixelHeight))
        cairo_set_source_surface(context, surface, 0, 0)
        let pattern = cairo_get_source(context)
        cairo_pattern_set_filter(pattern, image.smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        cairo_paint(context)
        cairo_restore(context)
    }

    public func pushClip(_ rect: Rect) {
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
    }

    public func popClip() {
        cairo_restore(context)
    }

    private func addMarker(_ shape: MarkerShape, at p: Point, size: Double) {
        let r = size / 2
        switch shape {
        case .circle:
            cairo_new_sub_path(context)
            cairo_arc(context, p.x, p.y, r, 0, 2 * .pi)
        case .square:
            cairo_rectangle(context, p.x - r, p.y - r, size, size)
        case .triangle:
            cairo_move_to(context, p.x, p.y - r * 1.15)
            cairo_line_to(context, p.x + r, p.y + r * 0.85)
            cairo_line_to(context, p.x - r, p.y + r * 0.85)
            cairo_close_path(context)
        case .diamond:
            cairo_move_to(context, p.x, p.y - r * 1.2)
            cairo_line_to(context, p.x + r, p.y)
            cairo_line_to(context, p.x, p.y + r * 1.2)
            cairo_line_to(context, p.x - r, p.y)
            cairo_close_path(context)
        case .cross:
            let w = r * 0.35
            for (dx, dy) in [(r, w), (w, r)] { cairo_rectangle(context, p.x - dx, p.y - dy, 2 * dx, 2 * dy) }
        }
    }

    private func paint(fill: Color?, stroke: Stroke?) {
        if let fill {
            setColor(fill)
            if stroke != nil { cairo_fill_preserve(context) } else { cairo_fill(context) }
        }
        if let stroke {
            setColor(stroke.color)
            cairo_set_line_width(context, stroke.width)
            cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
            cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
            cairo_set_dash(context, stroke.dash, Int32(stroke.dash.count), 0)
            cairo_stroke(context)
        }
        cairo_new_path(context)
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }
}

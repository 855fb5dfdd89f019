import CCairo
import Plot

/// Measures text with Pango exactly as `CairoRenderer` will draw it.
public final class PangoTextMeasurer: TextMeasurer, @unchecked Sendable {
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private var cache: [String: TextExtent] = [:]

    public init() {
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        context = cairo_create(surface)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    public func measure(_ text: String, font: FontSpec) -> TextExtent {
        let key = "\(font.family)|\(font.size)|\(font.bold)|\(font.italic)|\(text)"
        if let known = cache[key] { return known }
        let layout = PangoText.layout(text, font: font, context: context)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let extent = PangoText.extent(of: layout)
        cache[key] = extent
        return extent
    }
}

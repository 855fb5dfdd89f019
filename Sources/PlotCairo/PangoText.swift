import CCairo
import Plot

/// Pango layouts for Margin's text: fonts resolved by fontconfig, sizes in points (user
/// units), hinting of metrics off so a string measures the same on PNG, PDF and SVG surfaces.
enum PangoText {
    /// A layout of `text` in `font` on the cairo context `context`; the caller releases it.
    static func layout(_ text: String, font: FontSpec, context: OpaquePointer) -> OpaquePointer {
        let pangoContext = pango_cairo_create_context(context)!
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(pangoContext, options)
        cairo_font_options_destroy(options)
        let layout = pango_layout_new(pangoContext)!
        g_object_unref(UnsafeMutableRawPointer(pangoContext))
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_text(layout, text, -1)
        return layout
    }

    /// The logical extent of a layout in points.
    static func extent(of layout: OpaquePointer) -> TextExtent {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(PANGO_SCALE)
        let baseline = Double(pango_layout_get_baseline(layout)) / scale
        let height = Double(logical.height) / scale
        return TextExtent(width: Double(logical.width) / scale, ascent: baseline, descent: height - baseline)
    }
}

import CCairo
import Foundation
import Plot

/// Encodes display lists as PNG (raster, at a chosen DPI), PDF and SVG (vector), all from
/// the same drawing.
public enum FigureOutput {
    /// The encodings.
    public enum Format: String, Sendable, CaseIterable {
        case png, pdf, svg
    }

    /// Builds `figure` with Pango measurements.
    public static func build(_ figure: Figure) throws -> BuiltFigure {
        try figure.build(measuring: PangoTextMeasurer())
    }

    /// PNG bytes at `dpi` (72 gives one pixel per point; 144 is 2x for screens).
    public static func png(_ list: DisplayList, dpi: Double = 144) throws -> Data {
        let scale = dpi / 72
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32((list.width * scale).rounded(.up)),
                                                 Int32((list.height * scale).rounded(.up)))!
        defer { cairo_surface_destroy(surface) }
        draw(list, on: surface, scale: scale)
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(surface, ByteSink.write, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw FigureOutputError.cairo(String(cString: cairo_status_to_string(status))) }
        return sink.data
    }

    /// A one-page vector PDF the size of the figure.
    public static func pdf(_ list: DisplayList) throws -> Data {
        try vector(list) { cairo_pdf_surface_create_for_stream(ByteSink.write, $0, list.width, list.height) }
    }

    /// An SVG document the size of the figure (text as outlines, as cairo writes it).
    public static func svg(_ list: DisplayList) throws -> Data {
        try vector(list) { cairo_svg_surface_create_for_stream(ByteSink.write, $0, list.width, list.height) }
    }

    /// The bytes of `list` in `format`.
    public static func encode(_ list: DisplayList, as format: Format, dpi: Double = 144) throws -> Data {
        switch format {
        case .png: return try png(list, dpi: dpi)
        case .pdf: return try pdf(list)
        case .svg: return try svg(list)
        }
    }

    /// Writes `list` to `url` in the format its extension names, atomically.
    public static func write(_ list: DisplayList, to url: URL, dpi: Double = 144) throws {
        guard let format = Format(rawValue: url.pathExtension.lowercased()) else {
            throw FigureOutputError.unknownFormat(url.path)
        }
        try encode(list, as: format, dpi: dpi).write(to: url, options: .atomic)
    }

    private static func vector(_ list: DisplayList, _ makeSurface: (UnsafeMutableRawPointer) -> OpaquePointer?) throws -> Data {
        let sink = ByteSink()
        let surface = makeSurface(Unmanaged.passUnretained(sink).toOpaque())!
        draw(list, on: surface, scale: 1)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw FigureOutputError.cairo(String(cString: cairo_status_to_string(status))) }
        return sink.data
    }

    private static func draw(_ list: DisplayList, on surface: OpaquePointer, scale: Double) {
        let context = cairo_create(surface)!
        defer { cairo_destroy(context) }
        cairo_scale(context, scale, scale)
        list.render(into: CairoRenderer(context: context))
    }
}

/// Collects what cairo writes to a stream.
private final class ByteSink {
    var data = Data()

    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
        return CAIRO_STATUS_SUCCESS
    }
}

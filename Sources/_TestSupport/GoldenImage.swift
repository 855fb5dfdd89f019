import CCairo
import Foundation

/// Golden-image comparison: decodes both PNGs with cairo and compares them pixel by pixel.
/// With `MARGIN_RECORD_GOLDEN=1` in the environment the reference is (re)written instead
/// and the comparison passes.
public enum GoldenImage {
    /// Whether this run re-records references.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["MARGIN_RECORD_GOLDEN"] == "1" }

    /// Compares `png` with the reference at `reference`; nil when sizes differ or the
    /// reference is missing (and not recording).
    public static func compare(_ png: Data, with reference: URL) throws -> ImageDifference? {
        if isRecording {
            try FileManager.default.createDirectory(at: reference.deletingLastPathComponent(), withIntermediateDirectories: true)
            try png.write(to: reference, options: .atomic)
            return ImageDifference(meanAbsoluteDifference: 0, changedPixelShare: 0)
        }
        guard FileManager.default.fileExists(atPath: reference.path) else { return nil }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("margin-golden-\(UUID().uuidString).png")
        try png.write(to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        guard let actual = pixels(scratch), let expected = pixels(reference),
              actual.width == expected.width, actual.height == expected.height else { return nil }
        var total = 0.0, changed = 0
        for pixel in 0..<(actual.width * actual.height) {
            var worst = 0
            for channel in 0..<4 {
                let difference = abs(Int(actual.bytes[pixel * 4 + channel]) - Int(expected.bytes[pixel * 4 + channel]))
                total += Double(difference)
                worst = max(worst, difference)
            }
            if worst > 32 { changed += 1 }
        }
        let count = Double(actual.width * actual.height)
        return ImageDifference(meanAbsoluteDifference: total / (count * 4), changedPixelShare: Double(changed) / count)
    }

    private static func pixels(_ url: URL) -> (width: Int, height: Int, bytes: [UInt8])? {
        let surface = cairo_image_surface_create_from_png(url.path)!
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        cairo_surface_flush(surface)
        let (width, height) = (Int(cairo_image_surface_get_width(surface)), Int(cairo_image_surface_get_height(surface)))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var bytes = [UInt8]()
        bytes.reserveCapacity(width * height * 4)
        for row in 0..<height { bytes.append(contentsOf: UnsafeBufferPointer(start: data + row * stride, count: width * 4)) }
        return (width, height, bytes)
    }
}

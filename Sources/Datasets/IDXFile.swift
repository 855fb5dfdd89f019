/// An IDX file of unsigned bytes (LeCun's MNIST format, also used by Fashion-MNIST): the
/// magic `00 00 08 <rank>`, `rank` big-endian UInt32 extents, then the bytes row-major.
public struct IDXFile: Sendable {
    /// The extents, e.g. `[60000, 28, 28]` for images or `[60000]` for labels.
    public let dimensions: [Int]
    /// The elements, `dimensions.reduce(1, *)` of them.
    public let bytes: [UInt8]

    /// Parses `data`; `path` only names the file in errors.
    public init(parsing data: [UInt8], path: String) throws {
        guard data.count >= 4, data[0] == 0, data[1] == 0 else {
            throw DatasetError.badHeader(path: path, detail: "an IDX file starts with two zero bytes")
        }
        guard data[2] == 0x08 else {
            throw DatasetError.badHeader(
                path: path,
                detail: "element type 0x\(String(data[2], radix: 16)) is not read; only unsigned bytes (0x08)")
        }
        let rank = Int(data[3])
        let headerSize = 4 + 4 * rank
        guard data.count >= headerSize else {
            throw DatasetError.truncated(path: path, expectedBytes: headerSize, actualBytes: data.count)
        }
        let dimensions = (0..<rank).map { axis in
            (0..<4).reduce(0) { value, byte in value << 8 | Int(data[4 + 4 * axis + byte]) }
        }
        let expected = headerSize + dimensions.reduce(1, *)
        guard data.count >= expected else {
            throw DatasetError.truncated(path: path, expectedBytes: expected, actualBytes: data.count)
        }
        self.dimensions = dimensions
        self.bytes = Array(data[headerSize..<expected])
    }
}

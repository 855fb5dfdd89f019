import CZlib
import Foundation

/// gzip decompression through zlib, so loaders accept `train-images-idx3-ubyte` and
/// `train-images-idx3-ubyte.gz` alike.
enum GzipFile {
    /// `bytes` inflated when they start with the gzip magic `1f 8b`, else unchanged.
    static func inflateIfCompressed(_ bytes: [UInt8], path: String) throws -> [UInt8] {
        guard bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B else { return bytes }
        return try inflate(bytes, path: path)
    }

    /// Inflates a whole gzip member (zlib with window bits 15 + 16 selects the gzip wrapper).
    static func inflate(_ compressed: [UInt8], path: String) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DatasetError.decompressionFailed(path: path, detail: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(compressed.count * 4)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var status: Int32 = Z_OK
        var input = compressed
        try input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = UInt32(chunkBuffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return chunkBuffer.count - Int(stream.avail_out)
                }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_BUF_ERROR && stream.avail_in == 0 {
                    throw DatasetError.decompressionFailed(
                        path: path, detail: "the stream ends early after \(output.count) bytes")
                }
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    throw DatasetError.decompressionFailed(path: path, detail: message)
                }
            } while status != Z_STREAM_END
        }
        return output
    }
}

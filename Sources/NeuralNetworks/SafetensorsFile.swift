import Foundation
import TensorModule

/// A checkpoint in the safetensors format (Hugging Face), readable by PyTorch and JAX tools:
/// an 8-byte little-endian header length N, N bytes of JSON
/// `{"name": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, ...,
///   "__metadata__": {"key": "value"}}` padded with spaces to a multiple of 8, then the raw
/// little-endian tensor data. Margin stores the model's `ModelSpec` JSON under the metadata
/// key `margin.model_spec`.
public struct SafetensorsFile: Sendable, Equatable {
    /// One stored tensor: element type, shape and raw little-endian bytes.
    public struct Entry: Sendable, Equatable {
        /// The safetensors dtype, e.g. "F32", "F64", "I64" (Margin writes F32 and F64).
        public var dtype: String
        /// The extents, outermost first (row-major data).
        public var shape: [Int]
        /// The data, little-endian.
        public var bytes: [UInt8]
    }

    /// The tensors by name.
    public var entries: [String: Entry]
    /// String metadata (`__metadata__`).
    public var metadata: [String: String]

    /// An empty file with the given metadata.
    public init(metadata: [String: String] = [:]) {
        self.entries = [:]
        self.metadata = metadata
    }

    /// Stores `tensor` under `name`, bit for bit.
    public mutating func set<Scalar: TensorScalar>(_ tensor: Tensor<Scalar>, named name: String) {
        let bytes = tensor.scalars.withUnsafeBytes { Array($0) }
        entries[name] = Entry(dtype: Self.dtype(of: Scalar.self), shape: tensor.shape, bytes: bytes)
    }

    /// The tensor stored under `name`; `path` names the file in errors.
    public func tensor<Scalar: TensorScalar>(
        named name: String, as _: Scalar.Type = Scalar.self, path: String = "checkpoint"
    ) throws -> Tensor<Scalar> {
        guard let entry = entries[name] else { throw SafetensorsError.missingTensor(path: path, name: name) }
        let expected = Self.dtype(of: Scalar.self)
        guard entry.dtype == expected else {
            throw SafetensorsError.dtypeMismatch(path: path, name: name, expected: expected, actual: entry.dtype)
        }
        let scalars = [Scalar](unsafeUninitializedCapacity: entry.bytes.count / MemoryLayout<Scalar>.stride) { buffer, count in
            entry.bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
            count = buffer.count
        }
        return Tensor(shape: entry.shape, scalars: scalars)
    }

    /// The file's bytes: header, padding and data in name order.
    public func serialized() throws -> [UInt8] {
        var header: [String: Any] = [:]
        var data: [UInt8] = []
        for name in entries.keys.sorted() {
            let entry = entries[name]!
            header[name] = ["dtype": entry.dtype, "shape": entry.shape,
                            "data_offsets": [data.count, data.count + entry.bytes.count]] as [String: Any]
            data += entry.bytes
        }
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var json = [UInt8](try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys, .withoutEscapingSlashes]))
        while json.count % 8 != 0 { json.append(UInt8(ascii: " ")) }
        let length = UInt64(json.count)
        return (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) } + json + data
    }

    /// Writes the file atomically (a temporary file, then a rename).
    public func write(to url: URL) throws {
        try Data(serialized()).write(to: url, options: .atomic)
    }

    /// Reads and validates a file (see `init(parsing:path:)`).
    public init(contentsOf url: URL) throws {
        try self.init(parsing: [UInt8](try Data(contentsOf: url)), path: url.path)
    }

    /// Parses and validates the bytes of a file as the reference implementation does: a
    /// plausible header length, a JSON object header, known dtypes, non-negative shapes whose
    /// byte counts match their offsets, and data offsets that tile the data exactly (no holes,
    /// no overlaps, nothing after the last tensor). Tensors of any safetensors dtype are kept
    /// (as raw bytes), so a PyTorch state dict with integer counters reads; `tensor(named:)`
    /// converts F32 and F64 only. `path` names the file in errors.
    /// - Throws: `SafetensorsError.truncated` when the file ends early, `.badHeader` otherwise.
    public init(parsing bytes: [UInt8], path: String) throws {
        guard bytes.count >= 8 else {
            throw SafetensorsError.truncated(path: path, expectedBytes: 8, actualBytes: bytes.count)
        }
        let declaredLength = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[$1]) << (8 * UInt64($1)) }
        guard declaredLength <= Self.maximumHeaderLength else {
            throw SafetensorsError.badHeader(
                path: path, detail: "its first 8 bytes declare a \(declaredLength)-byte header (the format allows "
                    + "\(Self.maximumHeaderLength)); the file is corrupt or not safetensors")
        }
        let headerLength = Int(declaredLength)
        guard headerLength <= bytes.count - 8 else {
            throw SafetensorsError.truncated(path: path, expectedBytes: 8 + headerLength, actualBytes: bytes.count)
        }
        let headerBytes = Data(bytes[8..<(8 + headerLength)])
        guard let header = try? JSONSerialization.jsonObject(with: headerBytes) as? [String: Any] else {
            throw SafetensorsError.badHeader(path: path, detail: "the \(headerLength)-byte header is not a JSON object")
        }
        var entries: [String: Entry] = [:]
        var metadata: [String: String] = [:]
        var spans: [(name: String, offsets: Range<Int>)] = []
        for (name, value) in header {
            if name == "__metadata__" {
                guard let strings = value as? [String: String] else {
                    throw SafetensorsError.badHeader(path: path, detail: "__metadata__ must map strings to strings")
                }
                metadata = strings
                continue
            }
            func fail(_ problem: String) -> SafetensorsError {
                .badHeader(path: path, detail: "tensor \"\(name)\" \(problem)")
            }
            guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
                  let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int],
                  offsets.count == 2 else {
                throw fail("needs a dtype string, an integer shape and two integer data_offsets")
            }
            guard let width = Self.dtypeWidths[dtype] else {
                throw fail("has dtype \(dtype), which is not a safetensors dtype (\(Self.dtypeWidths.keys.sorted().joined(separator: ", ")))")
            }
            guard shape.allSatisfy({ $0 >= 0 }), offsets[0] >= 0, offsets[0] <= offsets[1] else {
                throw fail("has shape \(shape) and data_offsets \(offsets); both must be non-negative and increasing")
            }
            let (byteCount, overflow) = shape.reduce((width, false)) { product, extent in
                let next = product.0.multipliedReportingOverflow(by: extent)
                return (next.partialValue, product.1 || next.overflow)
            }
            guard !overflow, offsets[1] - offsets[0] == byteCount else {
                throw fail("of shape \(shape) and dtype \(dtype) needs \(overflow ? "more than Int.max" : "\(byteCount)") "
                    + "bytes, its offsets span \(offsets[1] - offsets[0])")
            }
            spans.append((name, offsets[0]..<offsets[1]))
            entries[name] = Entry(dtype: dtype, shape: shape, bytes: [])
        }
        let dataStart = 8 + headerLength
        var dataEnd = 0
        let byPosition = spans.sorted { ($0.offsets.lowerBound, $0.offsets.upperBound) < ($1.offsets.lowerBound, $1.offsets.upperBound) }
        for span in byPosition {
            guard span.offsets.lowerBound == dataEnd else {
                throw SafetensorsError.badHeader(
                    path: path, detail: "tensor \"\(span.name)\" starts at data byte \(span.offsets.lowerBound), expected "
                        + "\(dataEnd): the tensors' data_offsets leave a hole or overlap")
            }
            dataEnd = span.offsets.upperBound
            guard dataStart + dataEnd <= bytes.count else {
                throw SafetensorsError.truncated(path: path, expectedBytes: dataStart + dataEnd, actualBytes: bytes.count)
            }
            entries[span.name]?.bytes = Array(bytes[(dataStart + span.offsets.lowerBound)..<(dataStart + dataEnd)])
        }
        guard dataStart + dataEnd == bytes.count else {
            throw SafetensorsError.badHeader(
                path: path, detail: "\(bytes.count - dataStart - dataEnd) bytes follow the last tensor's data; the file is corrupt")
        }
        self.entries = entries
        self.metadata = metadata
    }

    /// The largest header the format allows (100 MB, as the reference implementation).
    static let maximumHeaderLength: UInt64 = 100_000_000

    /// Bytes per element of every safetensors dtype.
    static let dtypeWidths: [String: Int] = [
        "BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1, "I16": 2, "U16": 2, "F16": 2, "BF16": 2,
        "I32": 4, "U32": 4, "F32": 4, "I64": 8, "U64": 8, "F64": 8,
    ]

    private static func dtype<Scalar: TensorScalar>(of _: Scalar.Type) -> String {
        MemoryLayout<Scalar>.size == 4 ? "F32" : "F64"
    }
}

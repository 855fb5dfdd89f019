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
        /// "F32" or "F64".
        public var dtype: String
        public var shape: [Int]
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
        let scalars = entry.bytes.withUnsafeBytes { Array($0.bindMemory(to: Scalar.self)) }
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
        var json = [UInt8](try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        while json.count % 8 != 0 { json.append(UInt8(ascii: " ")) }
        let length = UInt64(json.count)
        return (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) } + json + data
    }

    /// Writes the file atomically (a temporary file, then a rename).
    public func write(to url: URL) throws {
        try Data(serialized()).write(to: url, options: .atomic)
    }

    /// Reads and validates a file: header length, JSON, dtypes, shapes against byte counts and
    /// offsets within the data.
    public init(contentsOf url: URL) throws {
        try self.init(parsing: [UInt8](try Data(contentsOf: url)), path: url.path)
    }

    /// Parses the bytes of a file; `path` names it in errors.
    public init(parsing bytes: [UInt8], path: String) throws {
        guard bytes.count >= 8 else {
            throw SafetensorsError.truncated(path: path, expectedBytes: 8, actualBytes: bytes.count)
        }
        let headerLength = (0..<8).reduce(0) { $0 | Int(bytes[$1]) << (8 * $1) }
        guard headerLength <= bytes.count - 8 else {
            throw SafetensorsError.truncated(path: path, expectedBytes: 8 + headerLength, actualBytes: bytes.count)
        }
        let headerBytes = Data(bytes[8..<(8 + headerLength)])
        guard let header = try? JSONSerialization.jsonObject(with: headerBytes) as? [String: Any] else {
            throw SafetensorsError.badHeader(path: path, detail: "the \(headerLength)-byte header is not a JSON object")
        }
        let dataStart = 8 + headerLength
        var entries: [String: Entry] = [:]
        var metadata: [String: String] = [:]
        for (name, value) in header {
            if name == "__metadata__" {
                guard let strings = value as? [String: String] else {
                    throw SafetensorsError.badHeader(path: path, detail: "__metadata__ must map strings to strings")
                }
                metadata = strings
                continue
            }
            guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
                  let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int],
                  offsets.count == 2, offsets[0] <= offsets[1] else {
                throw SafetensorsError.badHeader(
                    path: path, detail: "tensor \"\(name)\" needs dtype, shape and two data_offsets")
            }
            guard let width = ["F32": 4, "F64": 8][dtype] else {
                throw SafetensorsError.badHeader(
                    path: path, detail: "tensor \"\(name)\" has dtype \(dtype); Margin reads F32 and F64")
            }
            guard offsets[1] - offsets[0] == shape.reduce(1, *) * width else {
                throw SafetensorsError.badHeader(
                    path: path, detail: "tensor \"\(name)\" of shape \(shape) and dtype \(dtype) "
                        + "needs \(shape.reduce(1, *) * width) bytes, its offsets span \(offsets[1] - offsets[0])")
            }
            guard dataStart + offsets[1] <= bytes.count else {
                throw SafetensorsError.truncated(path: path, expectedBytes: dataStart + offsets[1], actualBytes: bytes.count)
            }
            entries[name] = Entry(dtype: dtype, shape: shape,
                                  bytes: Array(bytes[(dataStart + offsets[0])..<(dataStart + offsets[1])]))
        }
        self.entries = entries
        self.metadata = metadata
    }

    private static func dtype<Scalar: TensorScalar>(of _: Scalar.Type) -> String {
        MemoryLayout<Scalar>.size == 4 ? "F32" : "F64"
    }
}

import Foundation

/// Why a safetensors file could not be read or does not fit the model.
public enum SafetensorsError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file is shorter than its header or its data offsets say.
    case truncated(path: String, expectedBytes: Int, actualBytes: Int)
    /// The header is not the JSON a safetensors file starts with.
    case badHeader(path: String, detail: String)
    /// A tensor the model needs is not in the file.
    case missingTensor(path: String, name: String)
    /// A tensor's shape differs from the model's parameter.
    case shapeMismatch(path: String, name: String, expected: [Int], actual: [Int])
    /// A tensor's element type is not the one asked for.
    case dtypeMismatch(path: String, name: String, expected: String, actual: String)
    /// The ModelSpec in the file's metadata is missing, not valid JSON, or describes a model
    /// that cannot be built.
    case invalidModelSpec(path: String, detail: String)

    public var description: String {
        switch self {
        case let .truncated(path, expected, actual):
            return "\(path): truncated safetensors file: needs \(expected) bytes, has \(actual). Write the checkpoint again."
        case let .badHeader(path, detail):
            return "\(path): not a safetensors file: \(detail)"
        case let .missingTensor(path, name):
            return "\(path): no tensor \"\(name)\"; the checkpoint was written for another model (compare its ModelSpec)."
        case let .shapeMismatch(path, name, expected, actual):
            return "\(path): tensor \"\(name)\" has shape \(actual), the model needs \(expected)."
        case let .dtypeMismatch(path, name, expected, actual):
            return "\(path): tensor \"\(name)\" is \(actual), expected \(expected)."
        case let .invalidModelSpec(path, detail):
            return "\(path): cannot rebuild the model: \(detail)"
        }
    }

    public var errorDescription: String? { description }
}

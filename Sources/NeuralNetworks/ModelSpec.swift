import Foundation

/// A Sequential model as data: the input shape (without the batch axis) and the layers in
/// order. It is the JSON stored in a checkpoint's metadata and the key of cached models.
public struct ModelSpec: Codable, Sendable, Equatable {
    /// A name for reports, e.g. "Etmann MNIST CNN".
    public var name: String
    /// The shape of one input, e.g. [1, 28, 28] or [784].
    public var inputShape: [Int]
    /// The layers, applied first to last.
    public var layers: [LayerSpec]

    public init(name: String, inputShape: [Int], layers: [LayerSpec]) {
        self.name = name
        self.inputShape = inputShape
        self.layers = layers
    }

    /// The spec as compact JSON with sorted keys (stable, so it can key a cache).
    public func jsonString() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Parses a spec from JSON.
    /// - Throws: `ModelSpecError` naming the JSON path of the offending field, e.g.
    ///   "layers[2].units: missing".
    public init(json: String) throws {
        do {
            self = try JSONDecoder().decode(ModelSpec.self, from: Data(json.utf8))
        } catch let error as DecodingError {
            throw ModelSpecError(decoding: error)
        }
    }
}

import Foundation
import TensorModule

extension Sequential {
    /// The metadata key under which checkpoints store the ModelSpec JSON.
    public static var specMetadataKey: String { "margin.model_spec" }

    /// Writes every parameter and buffer (PyTorch-style names, "layers.3.weight") and the
    /// ModelSpec to a safetensors file, atomically.
    public func save(to url: URL) throws {
        var file = SafetensorsFile(metadata: [Self.specMetadataKey: try spec.jsonString()])
        for parameter in state { file.set(parameter.value, named: parameter.name) }
        try file.write(to: url)
    }

    /// Rebuilds a model from a checkpoint written by `save(to:)` (or by another tool, with
    /// the ModelSpec in its metadata): every tensor is checked for presence, dtype and shape.
    public convenience init(contentsOf url: URL) throws {
        let file = try SafetensorsFile(contentsOf: url)
        guard let json = file.metadata[Self.specMetadataKey] else {
            throw SafetensorsError.badHeader(path: url.path, detail: "no \(Self.specMetadataKey) in its metadata")
        }
        try self.init(ModelSpec(json: json), seed: 0)
        for parameter in state {
            let stored: Tensor<Scalar> = try file.tensor(named: parameter.name, path: url.path)
            guard stored.shape == parameter.value.shape else {
                throw SafetensorsError.shapeMismatch(path: url.path, name: parameter.name,
                                                     expected: parameter.value.shape, actual: stored.shape)
            }
            parameter.value = stored
        }
    }
}

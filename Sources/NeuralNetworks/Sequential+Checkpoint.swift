import Foundation
import TensorModule

extension Sequential {
    /// The metadata key under which checkpoints store the ModelSpec JSON.
    public static var specMetadataKey: String { "margin.model_spec" }

    /// Writes every parameter and buffer (PyTorch-style names, "layers.3.weight",
    /// "layers.1.running_mean") and the ModelSpec to a safetensors file, atomically.
    ///
    /// Layouts: convolution filters are [out, in, K, K] as PyTorch's `Conv2d.weight`; dense
    /// weights are [inputs, units], the layout of a JAX/Flax `Dense` kernel and the transpose
    /// of PyTorch's `Linear.weight`.
    public func save(to url: URL) throws {
        var file = SafetensorsFile(metadata: [Self.specMetadataKey: try spec.jsonString()])
        for parameter in state { file.set(parameter.value, named: parameter.name) }
        try file.write(to: url)
    }

    /// Rebuilds a model from a checkpoint written by `save(to:)` (or by another tool, with
    /// the ModelSpec in its metadata): every tensor is checked for presence, dtype and shape;
    /// tensors the model does not use (e.g. PyTorch's `num_batches_tracked`) are ignored.
    /// A checkpoint whose floating-point tensors are all F32 loads into a Double model by
    /// widening each scalar (exact, as `init(converting:)`); a Double checkpoint does not load
    /// into a Float model (that would round).
    /// - Throws: `SafetensorsError` naming the file, and the tensor or spec field at fault.
    public convenience init(contentsOf url: URL) throws {
        let file = try SafetensorsFile(contentsOf: url)
        let spec = try Self.spec(in: file, path: url.path)
        let floatingTypes = Set(file.entries.values.map(\.dtype)).intersection(["F32", "F64"])
        if Scalar.self == Double.self, floatingTypes == ["F32"] {
            self.init(converting: try Sequential<Float>(spec, checkpoint: file, path: url.path))
        } else {
            try self.init(spec, checkpoint: file, path: url.path)
        }
    }

    /// The ModelSpec stored in `file`'s metadata, checked to build a model.
    private static func spec(in file: SafetensorsFile, path: String) throws -> ModelSpec {
        guard let json = file.metadata[specMetadataKey] else {
            throw SafetensorsError.invalidModelSpec(
                path: path, detail: "its metadata has no \"\(specMetadataKey)\" entry holding the ModelSpec JSON")
        }
        do {
            let spec = try ModelSpec(json: json)
            _ = try spec.layerOutputShapes()
            return spec
        } catch {
            throw SafetensorsError.invalidModelSpec(path: path, detail: String(describing: error))
        }
    }

    /// The model `spec` with every parameter and buffer read from `file`, each checked for
    /// presence, dtype `Scalar` and shape.
    private convenience init(_ spec: ModelSpec, checkpoint file: SafetensorsFile, path: String) throws {
        self.init(spec, seed: 0)
        for parameter in state {
            let stored: Tensor<Scalar> = try file.tensor(named: parameter.name, path: path)
            guard stored.shape == parameter.value.shape else {
                throw SafetensorsError.shapeMismatch(path: path, name: parameter.name,
                                                     expected: parameter.value.shape, actual: stored.shape)
            }
            parameter.value = stored
        }
    }
}

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
    /// - Throws: `SafetensorsError` naming the file, and the tensor or spec field at fault.
    public convenience init(contentsOf url: URL) throws {
        let file = try SafetensorsFile(contentsOf: url)
        guard let json = file.metadata[Self.specMetadataKey] else {
            throw SafetensorsError.invalidModelSpec(
                path: url.path, detail: "its metadata has no \"\(Self.specMetadataKey)\" entry holding the ModelSpec JSON")
        }
        let spec: ModelSpec
        do {
            spec = try ModelSpec(json: json)
            _ = try spec.layerOutputShapes()
        } catch {
            throw SafetensorsError.invalidModelSpec(path: url.path, detail: String(describing: error))
        }
        self.init(spec, seed: 0)
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

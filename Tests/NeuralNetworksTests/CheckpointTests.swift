import Autodiff
import Foundation
import NeuralNetworks
import TensorModule
import Testing

@Suite("Model checkpoints")
struct CheckpointTests {
    static func temporaryURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("margin-\(UUID().uuidString).safetensors")
    }

    @Test("a checkpoint round-trips bit-exactly, running statistics included")
    func checkpointRoundTrip() throws {
        let spec = ModelSpec(name: "small CNN", inputShape: [1, 6, 6], layers: [
            .conv2d(filters: 2, kernel: 3, padding: .same), .batchNorm(), .activation(.relu), .maxPool(size: 2, stride: 2),
            .flatten, .dense(units: 3),
        ])
        let model = Sequential<Float>(spec, seed: 8)
        var generator = SeededGenerator(seed: 1)
        let inputs = Tensor<Float>.randomNormal(shape: [4, 1, 6, 6], using: &generator)
        model.bindParameters(requiresGradient: false)
        _ = model.forward(Variable(inputs), context: ForwardContext(mode: .training))
        let url = Self.temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let loaded = try Sequential<Float>(contentsOf: url)
        #expect(loaded.spec == spec)
        #expect(zip(loaded.state, model.state).allSatisfy { $0.value.scalars.map(\.bitPattern) == $1.value.scalars.map(\.bitPattern) })
        #expect(loaded.predict(inputs).scalars == model.predict(inputs).scalars)
    }

    @Test("a Float checkpoint loads into a Double model, widened exactly, with the Float model's outputs to Float rounding; a Double checkpoint does not load into a Float model")
    func floatCheckpointAsDouble() throws {
        let spec = ModelSpec(name: "small CNN", inputShape: [1, 6, 6], layers: [
            .conv2d(filters: 2, kernel: 3, padding: .same), .batchNorm(), .activation(.tanh), .flatten, .dense(units: 3),
        ])
        let model = Sequential<Float>(spec, seed: 4)
        var generator = SeededGenerator(seed: 2)
        let inputs = Tensor<Float>.randomNormal(shape: [5, 1, 6, 6], using: &generator)
        model.bindParameters(requiresGradient: false)
        _ = model.forward(Variable(inputs), context: ForwardContext(mode: .training))
        let url = Self.temporaryURL(), doubleURL = Self.temporaryURL()
        defer { for file in [url, doubleURL] { try? FileManager.default.removeItem(at: file) } }
        try model.save(to: url)
        let widened = try Sequential<Double>(contentsOf: url)
        #expect(widened.spec == spec)
        #expect(zip(widened.state, model.state).allSatisfy { $0.value.scalars == $1.value.scalars.map(Double.init) })
        let single = model.predict(inputs).scalars, double = widened.predict(Tensor(converting: inputs)).scalars
        #expect(zip(single, double).allSatisfy { abs(Double($0) - $1) <= 1e-5 * max(1, abs($1)) }, "\(single) against \(double)")
        try widened.save(to: doubleURL)
        #expect(throws: SafetensorsError.dtypeMismatch(path: doubleURL.path, name: "layers.0.weight", expected: "F32", actual: "F64")) {
            try Sequential<Float>(contentsOf: doubleURL)
        }
    }

    /// A damaged checkpoint: how the saved file is changed, and the error it must give.
    struct DamageCase: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let damage: @Sendable (inout SafetensorsFile) -> Void
        let expected: @Sendable (_ path: String) -> SafetensorsError
    }

    static let damageCases: [DamageCase] = [
        .init(testDescription: "a missing tensor", damage: { $0.entries["layers.2.bias"] = nil },
              expected: { .missingTensor(path: $0, name: "layers.2.bias") }),
        .init(testDescription: "a tensor of another shape",
              damage: { $0.set(Tensor<Double>(repeating: 1, shape: [3, 4]), named: "layers.0.weight") },
              expected: { .shapeMismatch(path: $0, name: "layers.0.weight", expected: [4, 3], actual: [3, 4]) }),
        .init(testDescription: "a tensor of another dtype",
              damage: { $0.set(Tensor<Float>(repeating: 1, shape: [3]), named: "layers.0.bias") },
              expected: { .dtypeMismatch(path: $0, name: "layers.0.bias", expected: "F64", actual: "F32") }),
        .init(testDescription: "no ModelSpec", damage: { $0.metadata = [:] },
              expected: { .invalidModelSpec(path: $0, detail: "its metadata has no \"margin.model_spec\" entry holding the ModelSpec JSON") }),
        .init(testDescription: "a ModelSpec with a field missing",
              damage: { $0.metadata["margin.model_spec"] = #"{"name":"m","inputShape":[4],"layers":[{"type":"dense"}]}"# },
              expected: { .invalidModelSpec(path: $0, detail: "model spec, layers[0].units: missing") }),
        .init(testDescription: "a ModelSpec that cannot be built",
              damage: { $0.metadata["margin.model_spec"] = #"{"name":"m","inputShape":[1,4,4],"layers":[{"type":"dense","units":2}]}"# },
              expected: { .invalidModelSpec(
                  path: $0, detail: "model spec, layer 0 (dense): needs flat inputs, got shape [1, 4, 4]; add a flatten layer before it") }),
    ]

    @Test("a damaged checkpoint is an error naming the file and the tensor or field", arguments: damageCases)
    func damaged(_ damageCase: DamageCase) throws {
        let model = Sequential<Double>(ModelSpec(name: "m", inputShape: [4], layers: [
            .dense(units: 3), .activation(.relu), .dense(units: 2),
        ]), seed: 1)
        let url = Self.temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        var file = try SafetensorsFile(contentsOf: url)
        damageCase.damage(&file)
        try file.write(to: url)
        #expect(throws: damageCase.expected(url.path)) { try Sequential<Double>(contentsOf: url) }
    }

    @Test("a checkpoint cut short on disk is refused as truncated, naming the file")
    func truncatedOnDisk() throws {
        let url = Self.temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try Sequential<Float>(ModelSpec(name: "m", inputShape: [3], layers: [.dense(units: 2)]), seed: 1).save(to: url)
        let bytes = try Data(contentsOf: url)
        try bytes.dropLast(5).write(to: url)
        #expect(throws: SafetensorsError.truncated(path: url.path, expectedBytes: bytes.count, actualBytes: bytes.count - 5)) {
            try Sequential<Float>(contentsOf: url)
        }
    }
}

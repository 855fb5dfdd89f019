import Autodiff
import Foundation
import NeuralNetworks
import TensorModule
import Testing

@Suite("ModelSpec JSON")
struct ModelSpecTests {
    static let etmannCNN = ModelSpec(name: "Etmann MNIST CNN", inputShape: [1, 28, 28], layers: [
        .conv2d(filters: 32, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .conv2d(filters: 64, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .conv2d(filters: 128, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .flatten, .dense(units: 128), .activation(.relu), .dropout(rate: 0.5), .dense(units: 10),
    ])

    static let everyLayer = ModelSpec(name: "every layer", inputShape: [3, 8, 8], layers: [
        .conv2d(filters: 4, kernel: 3, stride: 2, padding: .valid, bias: false), .batchNorm(momentum: 0.2, epsilon: 1e-3),
        .localResponseNorm(size: 5, k: 2, alpha: 1e-4, beta: 0.75, alphaPerWindow: false),
        .averagePool(size: 2, stride: 1, padding: .same), .lpPool(p: 3, size: 2, stride: 2), .leakyReLU(slope: 0.1),
        .flatten, .dense(units: 3, bias: false), .activation(.softplus), .activation(.sigmoid), .activation(.tanh),
    ])

    @Test("specs survive a JSON round trip", arguments: [etmannCNN, everyLayer])
    func roundTrip(_ spec: ModelSpec) throws {
        #expect(try ModelSpec(json: spec.jsonString()) == spec)
    }

    @Test("hand-written JSON with defaults left out")
    func defaults() throws {
        let spec = try ModelSpec(json: """
            {"name": "mlp", "inputShape": [4], "layers": [
              {"type": "dense", "units": 5}, {"type": "activation", "function": "tanh"},
              {"type": "conv2d", "filters": 2, "kernel": 3}]}
            """)
        #expect(spec.layers == [.dense(units: 5), .activation(.tanh),
                                .conv2d(filters: 2, kernel: 3, stride: 1, padding: .valid, bias: true)])
    }

    @Test("an unknown layer type names the types that exist")
    func unknownLayer() {
        #expect {
            try ModelSpec(json: #"{"name": "x", "inputShape": [4], "layers": [{"type": "densee", "units": 5}]}"#)
        } throws: { error in
            String(describing: error).contains("unknown layer type \"densee\"")
        }
    }

    @Test("the JSON is stable: sorted keys, so it can key a cache")
    func stableJSON() throws {
        let json = try Self.etmannCNN.jsonString()
        #expect(json == (try ModelSpec(json: json).jsonString()))
        #expect(json.hasPrefix(#"{"inputShape":[1,28,28],"layers":[{"bias":true,"filters":32"#))
    }

    @Test("a missing or mistyped field is named by its JSON path", arguments: [
        (#"{"name": "x", "inputShape": [4], "layers": [{"type": "dense"}]}"#, "model spec, layers[0].units: missing"),
        (#"{"name": "x", "inputShape": [4], "layers": [{"type": "dropout", "rate": "high"}]}"#,
         "model spec, layers[0].rate: expected a value of type Double"),
        (#"{"name": "x", "layers": []}"#, "model spec, inputShape: missing"),
    ])
    func fieldErrors(json: String, message: String) {
        #expect {
            try ModelSpec(json: json)
        } throws: { error in
            String(describing: error) == message
        }
    }

    @Test("shapes are inferred layer by layer: the Etmann CNN ends in 10 logits")
    func etmannShapes() throws {
        let shapes = try Self.etmannCNN.layerOutputShapes()
        #expect(shapes[0] == [32, 28, 28] && shapes[2] == [32, 14, 14] && shapes[8] == [128, 3, 3])
        #expect(shapes[9] == [1152] && shapes.last == [10])
    }

    @Test("inferred shapes are the shapes a forward pass gives")
    func shapesMatchForward() throws {
        let model = Sequential<Double>(Self.everyLayer, seed: 1)
        var shape = [2] + Self.everyLayer.inputShape
        var output = Variable(Tensor<Double>(repeating: 0.5, shape: shape))
        for (layer, expected) in zip(model.layers, try Self.everyLayer.layerOutputShapes()) {
            output = layer.forward(output, context: .inference)
            shape = output.shape
            #expect(Array(shape.dropFirst()) == expected, "\(layer.spec)")
        }
    }

    @Test("a spec that cannot be built names the layer and the fix", arguments: [
        ([1, 8, 8], [LayerSpec.dense(units: 3)], "layer 0 (dense): needs flat inputs, got shape [1, 8, 8]; add a flatten layer before it"),
        ([1, 4, 4], [.conv2d(filters: 2, kernel: 5)], "layer 0 (conv2d): its 5x5 window is larger than the 4x4 input"),
        ([8], [.conv2d(filters: 2, kernel: 3)], "layer 0 (conv2d): needs [channels, height, width] inputs, got [8]"),
        ([2, 4, 4], [.lpPool(p: 2, size: 2, stride: 2, padding: .same)], "layer 0 (lpPool): needs 'valid' padding"),
        ([2, 4, 4], [.lpPool(p: 0.5, size: 2, stride: 2)], "layer 0 (lpPool): needs p >= 1, got 0.5"),
        ([4, 2, 2], [.localResponseNorm(size: 4, k: 2, alpha: 1e-4, beta: 0.75)], "layer 0 (localResponseNorm): needs an odd window"),
        ([4, 2, 2], [.localResponseNorm(size: 3, k: 0, alpha: 1e-4, beta: 0.75)], "layer 0 (localResponseNorm): needs k > 0"),
        ([4], [.activation(.relu), .dropout(rate: 1)], "layer 1 (dropout): needs a rate in [0, 1), got 1.0"),
        ([4], [.flatten, .batchNorm(momentum: 2)], "layer 1 (batchNorm): needs momentum in [0, 1]"),
        ([0, 3], [.flatten], "inputShape: needs positive extents, got [0, 3]"),
    ])
    func unbuildable(inputShape: [Int], layers: [LayerSpec], message: String) {
        #expect {
            try ModelSpec(name: "bad", inputShape: inputShape, layers: layers).layerOutputShapes()
        } throws: { error in
            String(describing: error).hasPrefix("model spec, " + message)
        }
    }
}

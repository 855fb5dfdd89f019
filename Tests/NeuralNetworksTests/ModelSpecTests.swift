import Foundation
import NeuralNetworks
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
}

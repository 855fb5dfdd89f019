import Autodiff
import NeuralNetworks
import Robustness
import TensorModule
import Testing

@Suite("Etmann et al. 2019: the bounds of Theorems 2 and 3")
struct AlignmentBoundTermsTests {
    static let networks: [(name: String, spec: ModelSpec)] = [
        ("ReLU CNN with biases", ModelSpec(name: "cnn", inputShape: [1, 6, 6], layers: [
            .conv2d(filters: 3, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
            .flatten, .dense(units: 8), .activation(.relu), .dense(units: 5),
        ])),
        ("tanh MLP", ModelSpec(name: "tanh", inputShape: [1, 6, 6], layers: [
            .flatten, .dense(units: 10), .activation(.tanh), .dense(units: 10), .activation(.tanh), .dense(units: 4),
        ])),
        ("softplus MLP", ModelSpec(name: "softplus", inputShape: [1, 6, 6], layers: [
            .flatten, .dense(units: 12), .activation(.softplus), .dense(units: 3),
        ])),
    ]

    @Test("Eqs. 14, 15 and 16 are never violated on random networks",
          arguments: networks.indices, [UInt64(1), 2, 3])
    func neverViolated(network: Int, seed: UInt64) {
        let model = Sequential<Double>(Self.networks[network].spec, seed: seed)
        var generator = SeededGenerator(seed: 100 + seed)
        let inputs = Tensor<Double>.randomUniform(shape: [12, 1, 6, 6], using: &generator)
        let classifier = Classifier(model, bounds: 0...1)
        let metrics = SaliencyMetrics.compute(classifier, inputs: inputs)
        let terms = AlignmentBoundTerms.compute(classifier, inputs: inputs, metrics: metrics)
        for (term, metric) in zip(terms, metrics) {
            let violations = term.violations()
            #expect(!violations.eq14 && !violations.eq15 && !violations.eq16, "\(Self.networks[network].name): \(term)")
            #expect(term.linearizedRobustness == metric.linearizedRobustness)
            #expect(term.linearPart <= term.binarizedLogit + term.biasTerm * metric.binarizedSaliency.l2 + 1e-9)
        }
    }

    @Test("without biases a ReLU network has beta† = 0, so xi = x, gamma = g and Eq. 14 is tight")
    func biasFree() {
        let spec = ModelSpec(name: "bias-free", inputShape: [1, 6, 6], layers: [
            .conv2d(filters: 3, kernel: 3, padding: .same, bias: false), .activation(.relu), .maxPool(size: 2, stride: 2),
            .flatten, .dense(units: 8, bias: false), .activation(.relu), .dense(units: 5, bias: false),
        ])
        var generator = SeededGenerator(seed: 8)
        let inputs = Tensor<Double>.randomUniform(shape: [8, 1, 6, 6], using: &generator)
        let classifier = Classifier(Sequential<Double>(spec, seed: 2), bounds: 0...1)
        for term in AlignmentBoundTerms.compute(classifier, inputs: inputs) {
            #expect(term.biasTerm < 1e-9)
            #expect(abs(term.linearizedRobustness - term.theorem2First) < 1e-9)
            #expect(abs(term.shiftedAlignment - term.alignment) < 1e-9 && term.shiftedKeepsClass)
            #expect(abs(term.linearPart - term.binarizedLogit) < 1e-9)
        }
    }
}

private extension Array where Element == Double {
    var l2: Double { reduce(0) { $0 + $1 * $1 }.squareRoot() }
}

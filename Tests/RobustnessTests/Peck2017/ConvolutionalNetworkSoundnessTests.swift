import Certification
import NeuralNetworks
import Robustness
import TensorModule
import Testing

@Suite("Peck et al. 2017: no Algorithm 5.1 bound exceeds the perturbation an attack finds")
struct ConvolutionalNetworkSoundnessTests {
    /// Small random CNNs covering every layer type Algorithm 5.1 supports.
    static let networks: [(name: String, inputShape: [Int], layers: [LayerSpec])] = [
        ("conv, max pool, ReLU head", [1, 8, 8], [
            .conv2d(filters: 4, kernel: 3), .activation(.relu), .maxPool(size: 2, stride: 2), .flatten,
            .dense(units: 6), .activation(.relu), .dense(units: 3)]),
        ("strided 'same' conv, average pool", [2, 8, 8], [
            .conv2d(filters: 3, kernel: 3, stride: 2, padding: .same), .activation(.relu), .averagePool(size: 2, stride: 2),
            .flatten, .dense(units: 4)]),
        ("L2 and L1.5 pooling", [1, 12, 12], [
            .conv2d(filters: 3, kernel: 3), .activation(.relu), .lpPool(p: 2, size: 2, stride: 2),
            .conv2d(filters: 3, kernel: 2), .activation(.relu), .lpPool(p: 1.5, size: 2, stride: 2), .flatten, .dense(units: 3)]),
        ("batch norm", [1, 8, 8], [
            .conv2d(filters: 4, kernel: 3), .batchNorm(), .activation(.relu), .maxPool(size: 2, stride: 2), .flatten,
            .dropout(rate: 0.5), .dense(units: 3)]),
        ("local response norm", [1, 8, 8], [
            .conv2d(filters: 5, kernel: 3), .activation(.relu), .maxPool(size: 2, stride: 2),
            .localResponseNorm(size: 3, k: 1, alpha: 1, beta: 0.75), .flatten, .dense(units: 3)]),
        ("sigmoid, overlapping average pool, tanh head", [1, 7, 7], [
            .conv2d(filters: 3, kernel: 3), .activation(.sigmoid), .averagePool(size: 3, stride: 1), .flatten,
            .dense(units: 5), .activation(.tanh), .dense(units: 3)]),
        ("leaky ReLU, overlapping max pool", [1, 8, 8], [
            .conv2d(filters: 3, kernel: 3), .leakyReLU(slope: 0.1), .maxPool(size: 3, stride: 2), .flatten, .dense(units: 4)]),
    ]

    /// A model of `index` with batch-norm statistics and scales drawn at random, so the layer is not the identity.
    static func model(_ index: Int) -> Sequential<Double> {
        let network = networks[index]
        let model = Sequential<Double>(ModelSpec(name: network.name, inputShape: network.inputShape, layers: network.layers),
                                       seed: UInt64(index))
        var generator = SeededGenerator(seed: 500 + UInt64(index))
        for norm in model.layers.compactMap({ $0 as? BatchNorm<Double> }) {
            let shape = norm.scale.value.shape
            norm.scale.value = .randomUniform(shape: shape, lower: -2, upper: 2, using: &generator)
            norm.offset.value = .randomUniform(shape: shape, lower: -0.5, upper: 0.5, using: &generator)
            norm.runningMean.value = .randomUniform(shape: shape, lower: -0.5, upper: 0.5, using: &generator)
            norm.runningVariance.value = .randomUniform(shape: shape, lower: 0.2, upper: 2, using: &generator)
        }
        return model
    }

    @Test("the sound bound is below every FGS, FGV and DeepFool perturbation", arguments: networks.indices)
    func soundness(_ index: Int) throws {
        let model = Self.model(index)
        var generator = SeededGenerator(seed: 70 + UInt64(index))
        let inputs = Tensor<Double>.randomUniform(shape: [8] + Self.networks[index].inputShape, lower: 0, upper: 1, using: &generator)
        let classifier = Classifier(model, bounds: -1e6...1e6)
        let labels = classifier.predictions(inputs)
        let bounds = try ConvolutionalNetworkBound(model).bounds(inputs, variant: .sound)
        #expect(bounds.map(\.predicted) == labels)
        let criterion = Criterion.misclassification(labels: labels)
        let attacks: [(String, AttackResult<Double>)] = try [
            ("FGS", AttackDriver.attack(FastGradientSearch<Double>(direction: .sign, maximumStep: 20, tolerance: 1e-7),
                                        classifier: classifier, inputs: inputs, criterion: criterion)),
            ("FGV", AttackDriver.attack(FastGradientSearch<Double>(direction: .value, maximumStep: 200, tolerance: 1e-7),
                                        classifier: classifier, inputs: inputs, criterion: criterion)),
            ("DeepFool", AttackDriver.attack(DeepFool<Double>(maximumIterations: 50, overshoot: 0.02),
                                             classifier: classifier, inputs: inputs, criterion: criterion)),
        ]
        var attacked = 0
        for (name, result) in attacks {
            for row in 0..<inputs.shape[0] where result.success[row] {
                attacked += 1
                #expect(bounds[row].bound > 0)
                #expect(bounds[row].bound <= result.distances[row] * (1 + 1e-9),
                        "\(Self.networks[index].name), input \(row): bound \(bounds[row].bound) > \(name) distance \(result.distances[row])")
            }
        }
        #expect(attacked > 0, "no attack succeeded on \(Self.networks[index].name); the check would be empty")
    }
}

import NeuralNetworks
import Robustness
import TensorModule
import Testing

@Suite("Etmann et al. 2019, Thm 1: homogeneous decomposition")
struct HomogeneousDecompositionTests {
    /// A ReLU-type CNN with max pooling and two batch norms whose parameters and running
    /// statistics are perturbed away from their initial values, so every bias matters.
    static func cnn<Scalar: TensorScalar>(_: Scalar.Type, generator: inout SeededGenerator) -> Sequential<Scalar> {
        let spec = ModelSpec(name: "cnn", inputShape: [1, 8, 8], layers: [
            .conv2d(filters: 3, kernel: 3, padding: .same), .batchNorm(), .activation(.relu), .maxPool(size: 2, stride: 2),
            .conv2d(filters: 4, kernel: 3), .activation(.relu), .flatten, .dense(units: 6), .batchNorm(),
            .leakyReLU(slope: 0.1), .dense(units: 4),
        ])
        let model = Sequential<Scalar>(spec, seed: 17)
        for parameter in model.state {
            let noise = Tensor<Scalar>.randomUniform(shape: parameter.value.shape, lower: 0.5, upper: 1.5, using: &generator)
            parameter.value = parameter.name.hasSuffix("running_var") ? noise
                : parameter.value + Tensor.randomNormal(shape: parameter.value.shape, standardDeviation: 0.3, using: &generator)
        }
        return model
    }

    @Test("Psi = <x, grad_x Psi> + <b, grad_b Psi> to 1e-9 on a CNN with max pooling and eval-mode batch norm")
    func cnnWithBatchNorm() {
        var generator = SeededGenerator(seed: 5)
        let model = Self.cnn(Double.self, generator: &generator)
        for row in 0..<4 {
            let x = Tensor<Double>.randomUniform(shape: [1, 1, 8, 8], using: &generator)
            for (positive, negative) in [(row, nil), (0, 3)] as [(Int, Int?)] {
                let parts = HomogeneousDecomposition.compute(model, input: x, positive: positive, negative: negative)
                #expect(abs(parts.value - parts.linearTerm - parts.biasTerm) < 1e-9, "\(parts)")
                #expect(abs(parts.biasTerm) > 1e-6, "biases matter in this network")
            }
        }
    }

    @Test("on a tanh network Thm 1 does not hold, which is why Thms 2 and 3 use the remainder")
    func smoothNetwork() {
        let model = Sequential<Double>(ModelSpec(name: "tanh", inputShape: [3], layers: [
            .dense(units: 4), .activation(.tanh), .dense(units: 2),
        ]), seed: 2)
        for parameter in model.parameters where parameter.name.hasSuffix("bias") {
            parameter.value = parameter.value + 0.5
        }
        let parts = HomogeneousDecomposition.compute(model, input: Tensor(shape: [1, 3], scalars: [0.7, -1.2, 2.0]), positive: 1)
        #expect(abs(parts.value - parts.linearTerm - parts.biasTerm) > 1e-3)
        #expect(abs(parts.remainder - (parts.value - parts.linearTerm)) < 1e-15)
    }

    @Test("a Float model's decomposition equals its Double copy's to Float rounding", arguments: [
        (2, nil), (0, 3), (1, 2),
    ] as [(Int, Int?)])
    func floatAgainstDouble(positive: Int, negative: Int?) {
        var generator = SeededGenerator(seed: 9)
        let single = Self.cnn(Float.self, generator: &generator)
        let double = Sequential<Double>(converting: single)
        for _ in 0..<3 {
            let x = Tensor<Float>.randomUniform(shape: [1, 1, 8, 8], using: &generator)
            let float = HomogeneousDecomposition.compute(single, input: x, positive: positive, negative: negative)
            let exact = HomogeneousDecomposition.compute(double, input: Tensor(converting: x), positive: positive, negative: negative)
            for (a, b) in [(float.value, exact.value), (float.linearTerm, exact.linearTerm), (float.biasTerm, exact.biasTerm)] {
                #expect(abs(a - b) <= 1e-4 * max(1, abs(b)), "Float \(float) against Double \(exact)")
            }
        }
    }

    @Test("a batch's decompositions equal the per-input ones, in Float and in Double")
    func batchEqualsPerInput() {
        func check<Scalar: TensorScalar>(_: Scalar.Type) {
            var generator = SeededGenerator(seed: 11)
            let model = Self.cnn(Scalar.self, generator: &generator)
            let inputs = Tensor<Scalar>.randomUniform(shape: [4, 1, 8, 8], using: &generator)
            let (positives, negatives) = ([0, 1, 2, 3], [3, 0, 1, 2])
            for others in [nil, negatives] {
                let batch = HomogeneousDecomposition.compute(model, inputs: inputs, positives: positives, negatives: others)
                #expect(batch.count == 4)
                for (row, parts) in batch.enumerated() {
                    let single = HomogeneousDecomposition.compute(model, input: inputs.rows(row..<(row + 1)),
                                                                  positive: positives[row], negative: others?[row])
                    #expect(parts.value == single.value && parts.linearTerm == single.linearTerm && parts.biasTerm == single.biasTerm,
                            "\(Scalar.self) row \(row): \(parts) against \(single)")
                }
            }
        }
        check(Float.self)
        check(Double.self)
    }
}

import NeuralNetworks
import Robustness
import TensorModule
import Testing

@Suite("Etmann et al. 2019, Thm 1: homogeneous decomposition")
struct HomogeneousDecompositionTests {
    @Test("Psi = <x, grad_x Psi> + <b, grad_b Psi> to 1e-9 on a CNN with max pooling and eval-mode batch norm")
    func cnnWithBatchNorm() {
        let spec = ModelSpec(name: "cnn", inputShape: [1, 8, 8], layers: [
            .conv2d(filters: 3, kernel: 3, padding: .same), .batchNorm(), .activation(.relu), .maxPool(size: 2, stride: 2),
            .conv2d(filters: 4, kernel: 3), .activation(.relu), .flatten, .dense(units: 6), .batchNorm(),
            .leakyReLU(slope: 0.1), .dense(units: 4),
        ])
        let model = Sequential<Double>(spec, seed: 17)
        var generator = SeededGenerator(seed: 5)
        for parameter in model.state {
            let noise = Tensor<Double>.randomUniform(shape: parameter.value.shape, lower: 0.5, upper: 1.5, using: &generator)
            parameter.value = parameter.name.hasSuffix("running_var") ? noise
                : parameter.value + Tensor.randomNormal(shape: parameter.value.shape, standardDeviation: 0.3, using: &generator)
        }
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
}

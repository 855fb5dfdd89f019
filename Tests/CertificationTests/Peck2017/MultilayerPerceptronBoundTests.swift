import Autodiff
import Certification
import Foundation
import NeuralNetworks
import TensorModule
import Testing

@Suite("Peck et al. 2017: MLP bound (Thm 4.2, Algorithm 4.1, Table 4.1)")
struct MultilayerPerceptronBoundTests {
    @Test("Table 4.1 constants, computed", arguments: [
        (Activation.sigmoid, 0.25, 1 / (6 * 3.0.squareRoot())),
        (.tanh, 1.0, 4 / (3 * 3.0.squareRoot())),
        (.softplus, 1.0, 0.25),
    ])
    func constants(_ activation: Activation, first: Double, second: Double) {
        let bounds = ActivationDerivativeBounds.of(activation)
        #expect(abs(bounds.first - first) < 1e-9)
        #expect(abs(bounds.second - second) < 1e-9)
    }

    @Test("Algorithm 4.1's M dominates finite-difference second derivatives of every hidden unit",
          arguments: [Activation.tanh, .sigmoid, .softplus])
    func secondDerivativeBound(_ activation: Activation) throws {
        let spec = ModelSpec(name: "mlp", inputShape: [3], layers: [
            .dense(units: 5), .activation(activation), .dense(units: 4), .activation(activation), .dense(units: 3),
        ])
        let mlp = try MultilayerPerceptronBound(Sequential<Double>(spec, seed: 21))
        var generator = SeededGenerator(seed: 8)
        let step = 1e-5
        var largest = 0.0
        for _ in 0..<10 {
            let point = Tensor<Double>.randomUniform(shape: [1, 3], lower: -2, upper: 2, using: &generator)
            func unitGradients(_ x: Tensor<Double>) -> [Tensor<Double>] {
                let input = Variable(x, requiresGradient: true)
                return jacobianRows(of: mlp.hidden(input), wrt: input)
            }
            for k in 0..<3 {
                var plus = point, minus = point
                plus.scalars[k] += step
                minus.scalars[k] -= step
                let (forward, backward) = (unitGradients(plus), unitGradients(minus))
                for unit in 0..<4 {
                    for l in 0..<3 {
                        largest = max(largest, abs(forward[unit].scalars[l] - backward[unit].scalars[l]) / (2 * step))
                    }
                }
            }
        }
        #expect(largest > 0 && largest <= mlp.secondDerivativeBound, "largest |d2h| \(largest), M \(mlp.secondDerivativeBound)")
    }

    @Test("a model that is not an MLP is refused")
    func unsupported() {
        let model = Sequential<Double>(ModelSpec(name: "cnn", inputShape: [1, 4, 4], layers: [
            .conv2d(filters: 1, kernel: 3), .flatten, .dense(units: 2),
        ]), seed: 0)
        #expect(throws: CertificationError.self) { try MultilayerPerceptronBound(model) }
    }
}

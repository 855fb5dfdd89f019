import Autodiff
import Foundation
import NeuralNetworks
import TensorModule
import Testing

@Suite("Optimizers, initialisation and dropout")
struct OptimizerAndInitializationTests {
    let start: [Double] = [0.5, -1.25, 2]
    let gradients: [[Double]] = [[0.1, -0.4, 0.3], [-0.2, 0.05, 0.6]]

    /// Applies `optimizer` to a parameter starting at `start`, one step per gradient.
    func steps(_ optimizer: some Optimizer<Double>) -> [Double] {
        let parameter = Parameter(name: "p", value: Tensor(shape: [3], scalars: start))
        for gradient in gradients { optimizer.step([parameter], gradients: [Tensor(shape: [3], scalars: gradient)]) }
        return parameter.value.scalars
    }

    @Test("SGD: d = g + lambda p, v = mu v + d, p -= eta v (PyTorch's SGD), decay on every parameter")
    func sgd() {
        let (eta, mu, lambda) = (0.1, 0.9, 0.01)
        var p = start, v = [0.0, 0, 0]
        for g in gradients {
            for i in p.indices {
                v[i] = mu * v[i] + g[i] + lambda * p[i]
                p[i] -= eta * v[i]
            }
        }
        #expect(steps(SGD(learningRate: eta, momentum: mu, weightDecay: lambda)) == p)
    }

    @Test("Adam: bias-corrected moments (Kingma & Ba 2015, Algorithm 1)")
    func adam() {
        let (eta, beta1, beta2, epsilon) = (0.01, 0.9, 0.999, 1e-8)
        var p = start, m = [0.0, 0, 0], v = [0.0, 0, 0]
        for (t, g) in gradients.enumerated() {
            for i in p.indices {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                let mHat = m[i] / (1 - pow(beta1, Double(t + 1))), vHat = v[i] / (1 - pow(beta2, Double(t + 1)))
                p[i] -= eta * mHat / (vHat.squareRoot() + epsilon)
            }
        }
        let result = steps(Adam(learningRate: eta, beta1: beta1, beta2: beta2, epsilon: epsilon))
        #expect(zip(result, p).allSatisfy { abs($0 - $1) < 1e-15 }, "\(result) vs \(p)")
    }

    /// The first dense layer's weights of [400] -> dense 300 -> `activation`.
    func denseWeights(before activation: Activation, initialization: WeightInitialization = .automatic) -> [Double] {
        let spec = ModelSpec(name: "wide", inputShape: [400], layers: [.dense(units: 300), .activation(activation)])
        return Sequential<Double>(spec, seed: 3, initialization: initialization).parameters[0].value.scalars
    }

    @Test("He before ReLU: N(0, 2 / fan_in); Glorot otherwise: U(-a, a), a = sqrt(6 / (fan_in + fan_out))")
    func initialization() {
        func moments(_ w: [Double]) -> (mean: Double, variance: Double) {
            let mean = w.reduce(0, +) / Double(w.count)
            return (mean, w.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(w.count))
        }
        let he = moments(denseWeights(before: .relu))
        #expect(abs(he.mean) < 0.002 && abs(he.variance / (2.0 / 400) - 1) < 0.02, "\(he)")
        let limit = (6.0 / 700).squareRoot()
        let glorotWeights = denseWeights(before: .tanh)
        let glorot = moments(glorotWeights)
        #expect(glorotWeights.allSatisfy { abs($0) <= limit })
        #expect(abs(glorot.variance / (limit * limit / 3) - 1) < 0.02, "\(glorot)")
        #expect(denseWeights(before: .tanh, initialization: .he) != glorotWeights)
    }

    @Test("dropout zeroes about `rate` of the inputs and scales the rest by 1 / (1 - rate); a seed fixes the mask")
    func dropout() {
        let layer = Dropout<Double>(rate: 0.25)
        let input = Variable(Tensor<Double>(repeating: 1, shape: [100, 100]))
        func mask(seed: UInt64) -> [Double] { layer.forward(input, context: ForwardContext(mode: .training, seed: seed)).value.scalars }
        let first = mask(seed: 1)
        #expect(Set(first) == [0, 1 / 0.75])
        #expect(abs(Double(first.filter { $0 == 0 }.count) / 10_000 - 0.25) < 0.02)
        #expect(first == mask(seed: 1) && first != mask(seed: 2))
        #expect(layer.forward(input, context: .inference).value.scalars == input.value.scalars)
    }
}

import Autodiff
import NeuralNetworks
import TensorModule
import Testing
import _TestSupport

/// A one-layer model to differentiate: its input shape and the layer.
struct LayerCase: Sendable, CustomTestStringConvertible {
    let inputShape: [Int]
    let layer: LayerSpec
    let mode: ForwardContext.Mode
    var testDescription: String { "\(layer) \(mode == .training ? "(training)" : "")" }
    init(_ inputShape: [Int], _ layer: LayerSpec, mode: ForwardContext.Mode = .inference) {
        (self.inputShape, self.layer, self.mode) = (inputShape, layer, mode)
    }
}

@Suite("Layers: first and second derivatives against finite differences (Float64)")
struct LayerGradientTests {
    static let cases: [LayerCase] = [
        .init([5], .dense(units: 3)),
        .init([5], .dense(units: 2, bias: false)),
        .init([2, 5, 5], .conv2d(filters: 3, kernel: 3, stride: 1, padding: .same)),
        .init([2, 6, 6], .conv2d(filters: 2, kernel: 3, stride: 2, padding: .valid)),
        .init([2, 5, 5], .conv2d(filters: 2, kernel: 2, stride: 2, padding: .same, bias: false)),
        .init([2, 4, 4], .maxPool(size: 2, stride: 2)),
        .init([2, 5, 5], .maxPool(size: 3, stride: 2, padding: .same)),
        .init([2, 4, 4], .averagePool(size: 2, stride: 2)),
        .init([2, 5, 5], .averagePool(size: 3, stride: 2, padding: .same)),
        .init([2, 4, 4], .lpPool(p: 3, size: 2, stride: 2)),
        .init([2, 4, 4], .lpPool(p: 2, size: 3, stride: 1)),
        .init([3, 3, 3], .batchNorm(momentum: 0.1, epsilon: 1e-5)),
        .init([3, 3, 3], .batchNorm(momentum: 0.1, epsilon: 1e-5), mode: .training),
        .init([4], .batchNorm(momentum: 0.1, epsilon: 1e-5), mode: .training),
        .init([5, 2, 2], .localResponseNorm(size: 3, k: 2, alpha: 0.5, beta: 0.75, alphaPerWindow: true)),
        .init([5, 2, 2], .localResponseNorm(size: 5, k: 1, alpha: 0.3, beta: 0.75, alphaPerWindow: false)),
        .init([6], .activation(.relu)), .init([6], .activation(.sigmoid)), .init([6], .activation(.tanh)),
        .init([6], .activation(.softplus)), .init([6], .leakyReLU(slope: 0.2)), .init([6], .activation(.leakyReLU)),
        .init([2, 3, 3], .flatten),
        .init([6], .dropout(rate: 0.5), mode: .training),
    ]

    @Test("w.r.t. the input and every parameter", arguments: cases)
    func derivatives(_ layerCase: LayerCase) {
        let model = Sequential<Double>(ModelSpec(name: "one layer", inputShape: layerCase.inputShape, layers: [layerCase.layer]), seed: 2)
        var generator = SeededGenerator(seed: 9)
        let batch = [3] + layerCase.inputShape
        let input = Tensor<Double>.randomNormal(shape: batch, using: &generator)
        let parameters = model.parameters.map { $0.value + Tensor.randomNormal(shape: $0.value.shape, standardDeviation: 0.3, using: &generator) }
        let outputShape = model.forward(Variable(input)).shape
        let weights = Variable(Tensor<Double>.randomNormal(shape: outputShape, using: &generator))
        let check = checkGradient({ variables in
            for (parameter, variable) in zip(model.parameters, variables.dropFirst()) { parameter.bind(variable) }
            let context = ForwardContext(mode: layerCase.mode, seed: 4)
            return (model.forward(variables[0], context: context).tanh() * weights).sum()
        }, at: [input] + parameters)
        #expect(check.firstOrderError < 1e-6, "\(check)")
        #expect(check.secondOrderError < 1e-5, "\(check)")
    }
}

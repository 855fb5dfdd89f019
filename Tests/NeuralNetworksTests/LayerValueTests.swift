import Autodiff
import Foundation
import NeuralNetworks
import TensorModule
import Testing

@Suite("Layer values against their defining formulas")
struct LayerValueTests {
    /// Applies a one-layer model to `input` in inference mode.
    func apply(_ layer: LayerSpec, to input: Tensor<Double>) -> Tensor<Double> {
        let spec = ModelSpec(name: "one layer", inputShape: Array(input.shape.dropFirst()), layers: [layer])
        return Sequential<Double>(spec, seed: 0).predict(input)
    }

    @Test("local response normalisation is Peck et al.'s Sec. 5.2.4 formula (alpha) or Caffe's (alpha / n)",
          arguments: [false, true])
    func localResponseNorm(alphaPerWindow: Bool) {
        let (channels, n, k, alpha, beta) = (6, 3, 2.0, 0.1, 0.75)
        let activities = (0..<channels).map { Double($0) - 1.5 }
        let output = apply(.localResponseNorm(size: n, k: k, alpha: alpha, beta: beta, alphaPerWindow: alphaPerWindow),
                           to: Tensor(shape: [1, channels, 1, 1], scalars: activities))
        let effectiveAlpha = alphaPerWindow ? alpha / Double(n) : alpha
        for i in 0..<channels {
            let window = max(0, i - n / 2)...min(channels - 1, i + n / 2)
            let sumOfSquares = window.reduce(0.0) { $0 + activities[$1] * activities[$1] }
            let expected = activities[i] * Foundation.pow(k + effectiveAlpha * sumOfSquares, -beta)
            #expect(abs(output.scalars[i] - expected) < 1e-14, "channel \(i)")
        }
    }

    @Test("Lp pooling is the window's p-norm, with gradient 0 (not NaN) on an all-zero window")
    func lpPoolZeroWindow() {
        let input = Variable(Tensor<Double>(shape: [1, 1, 2, 4], scalars: [0, 0, 3, 0, 0, 0, 4, 0]), requiresGradient: true)
        let layer = PoolingLayer<Double>(.lpPool(p: 2, size: 2, stride: 2))
        let output = layer.forward(input, context: .inference)
        #expect(output.value.scalars[0] == 0 && abs(output.value.scalars[1] - 5) < 1e-14)
        let inputGradient = gradient(of: output.sum(), wrt: [input])[0].value
        let expected = [0, 0, 0.6, 0, 0, 0, 0.8, 0]
        #expect(zip(inputGradient.scalars, expected).allSatisfy { abs($0 - $1) < 1e-14 }, "\(inputGradient.scalars)")
    }
}

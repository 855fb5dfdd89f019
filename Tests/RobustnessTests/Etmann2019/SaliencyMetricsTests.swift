import Autodiff
import Certification
import NeuralNetworks
import Robustness
import TensorModule
import Testing

@Suite("Etmann et al. 2019: alignment and linearized robustness")
struct SaliencyMetricsTests {
    @Test("on a linear classifier rho~ is the exact robustness rho, and without bias it equals alpha† (Lemma 2)",
          arguments: [false, true])
    func linear(withBias: Bool) {
        var generator = SeededGenerator(seed: 14)
        let weight = Tensor<Double>.randomNormal(shape: [6, 4], using: &generator)
        let bias = withBias ? Tensor<Double>.randomNormal(shape: [4], using: &generator) : Tensor(repeating: 0, shape: [4])
        let inputs = Tensor<Double>.randomNormal(shape: [12, 6], using: &generator)
        let (w, b) = (Variable(weight), Variable(bias))
        let metrics = SaliencyMetrics.compute(Classifier<Double>(bounds: -1e9...1e9) { $0.matmul(w) + b }, inputs: inputs)
        let exact = LinearClassifierBound(weight: weight, bias: bias).bounds(inputs)
        for (metric, truth) in zip(metrics, exact) {
            #expect(metric.predicted == truth.predicted && metric.nearestRival == truth.nearestRival)
            #expect(abs(metric.linearizedRobustness - truth.bound) < 1e-12)
            if !withBias { #expect(abs(metric.linearizedRobustness - metric.binarizedAlignment) < 1e-12) }
        }
    }

    @Test("a bias-free ReLU network is positively homogeneous, so rho~ = alpha† (Lemma 2)")
    func homogeneousNetwork() {
        let spec = ModelSpec(name: "bias-free relu", inputShape: [1, 6, 6], layers: [
            .conv2d(filters: 3, kernel: 3, padding: .same, bias: false), .activation(.relu), .maxPool(size: 2, stride: 2),
            .flatten, .dense(units: 8, bias: false), .leakyReLU(slope: 0.1), .dense(units: 5, bias: false),
        ])
        var generator = SeededGenerator(seed: 3)
        let inputs = Tensor<Double>.randomUniform(shape: [6, 1, 6, 6], using: &generator)
        let metrics = SaliencyMetrics.compute(Classifier(Sequential<Double>(spec, seed: 9), bounds: 0...1), inputs: inputs)
        for metric in metrics {
            #expect(abs(metric.linearizedRobustness - metric.binarizedAlignment) < 1e-9)
            #expect(metric.alignment >= 0 && abs(metric.signedCosine) <= 1 + 1e-12)
        }
    }
}

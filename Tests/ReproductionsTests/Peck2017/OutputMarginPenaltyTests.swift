import Certification
import NeuralNetworks
@testable import Reproductions
import TensorModule
import Autodiff
import Testing

@Suite("Peck et al. 2017, output-margin penalty (Sec. 4.4)")
struct OutputMarginPenaltyTests {
    @Test("the differentiable delta equals the linear bound of the output layer")
    func deltaMatchesBound() {
        var generator = SeededGenerator(seed: 6)
        let hidden = Tensor<Double>.randomNormal(shape: [7, 4], using: &generator)
        let weight = Tensor<Double>.randomNormal(shape: [4, 5], using: &generator)
        let bias = Tensor<Double>.randomNormal(shape: [5], using: &generator)
        let logits = Variable(hidden.matmul(weight) + bias)
        let delta = OutputMarginPenalty.delta(logits: logits, weight: Variable(weight)).value.scalars
        let bounds = LinearClassifierBound(weight: weight, bias: bias).bounds(hidden).map(\.bound)
        for (a, b) in zip(delta, bounds) { #expect(abs(a - b) < 1e-9) }
    }

    @Test("the sweep trains and measures accuracy and adversarial error in [0, 1]")
    func sweep() throws {
        let points = try OutputRegularizationSweep.run(TrainedNetworkTest.table43[0], strengths: [0, 1], epochs: 10, seed: 2,
                                                       progress: ProgressReporter(output: .nullDevice, isTerminal: false))
        #expect(points.count == 2)
        #expect(points.allSatisfy { (0...1).contains($0.accuracy) && (0...1).contains($0.adversarialError) })
        #expect(points[0].accuracy > 0.8)
    }
}

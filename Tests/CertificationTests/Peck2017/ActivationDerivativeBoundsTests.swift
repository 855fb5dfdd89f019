import Certification
import NeuralNetworks
import Testing

@Suite("Activation derivative bounds against sampled derivatives")
struct ActivationDerivativeBoundsTests {
    /// sigma' and, by central differences of sigma', sigma'' on a grid over [-40, 40] offset from
    /// the grid `ActivationDerivativeBounds` searches (ReLU's kink at 0 is not on it).
    static func samples(_ activation: Activation) -> [(first: Double, second: Double)] {
        let step = 1e-5
        return stride(from: -40.0 + 3.7e-4, through: 40, by: 1.3e-3).map { z in
            (activation.derivative(z), (activation.derivative(z + step) - activation.derivative(z - step)) / (2 * step))
        }
    }

    @Test("sup |sigma'|, sup |sigma''| and the signed extremes of sigma'' bound every sample; for smooth activations they are attained",
          arguments: Activation.allCases)
    func boundsHoldAndAreTight(_ activation: Activation) {
        let bounds = ActivationDerivativeBounds.of(activation)
        let samples = Self.samples(activation)
        let largestFirst = samples.map { abs($0.first) }.max()!
        let largestSecond = samples.map { abs($0.second) }.max()!
        let (lowest, highest) = (samples.map(\.second).min()!, samples.map(\.second).max()!)
        #expect(largestFirst <= bounds.first + 1e-12)
        #expect(largestSecond <= bounds.second + 1e-8)
        #expect(lowest >= bounds.secondLower - 1e-8 && highest <= bounds.secondUpper + 1e-8)
        if activation.negativeSlope == nil {
            #expect(bounds.first - largestFirst < 1e-6)
            #expect(bounds.second - largestSecond < 1e-6)
            #expect(lowest - bounds.secondLower < 1e-6 && bounds.secondUpper - highest < 1e-6)
        } else {
            #expect(largestSecond == 0 && bounds.second == 1, "ReLU-like: sigma'' = 0 off the kink, bounded by 1 by convention")
        }
    }
}

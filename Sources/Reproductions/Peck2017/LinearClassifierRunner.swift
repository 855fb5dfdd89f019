import Autodiff
import Certification
import Robustness
import TensorModule

/// What one Table 3.1 test measured.
public struct LinearClassifierOutcome: Codable, Sendable {
    /// ||eps* sign(grad)||_2 - delta(x; f) for every input FGS turned adversarial.
    public var deviations: [Double]
    /// Inputs whose FGS perturbation was shorter than the bound (a bug if ever nonzero).
    public var violations: Int
    /// Inputs FGS could not turn adversarial within the largest step.
    public var failures: Int

    public init(deviations: [Double], violations: Int, failures: Int) {
        (self.deviations, self.violations, self.failures) = (deviations, violations, failures)
    }

    public var mean: Double { deviations.reduce(0, +) / Double(max(deviations.count, 1)) }
    public var median: Double {
        let sorted = deviations.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
    /// Sample standard deviation (divide by n - 1, as R's sd()).
    public var standardDeviation: Double {
        let m = mean
        return (deviations.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(max(deviations.count - 1, 1))).squareRoot()
    }
}

/// Runs a Table 3.1 test: for each random linear classifier, FGS with binary search
/// (Algorithm 2.1, tolerance 1e-6, largest step `maximumStep`) against the bound of Thm 3.6.
public enum LinearClassifierRunner {
    public static func run(_ test: LinearClassifierTest, seed: UInt64, maximumStep: Double = 1_000) -> LinearClassifierOutcome {
        var generator = SeededGenerator(seed: seed)
        var outcome = LinearClassifierOutcome(deviations: [], violations: 0, failures: 0)
        let (low, high) = (test.parameterInterval.lowerBound, test.parameterInterval.upperBound)
        for _ in 0..<test.classifiers {
            let weight = Tensor<Double>.randomUniform(shape: [test.dimension, test.classes], lower: low, upper: high, using: &generator)
            let bias = Tensor<Double>.randomUniform(shape: [test.classes], lower: low, upper: high, using: &generator)
            let inputs = Tensor<Double>.randomUniform(shape: [test.samples, test.dimension], lower: test.sampleInterval.lowerBound,
                                                      upper: test.sampleInterval.upperBound, using: &generator)
            let (w, b) = (Variable(weight), Variable(bias))
            let classifier = Classifier<Double>(bounds: -.infinity ... .infinity) { $0.matmul(w) + b }
            let labels = classifier.predictions(inputs)
            let search = FastGradientSearch<Double>(direction: .sign, maximumStep: maximumStep, tolerance: 1e-6)
                .search(classifier, inputs: inputs, criterion: .misclassification(labels: labels))
            let bounds = LinearClassifierBound(weight: weight, bias: bias).bounds(inputs)
            let norms = Distance.l2.measure(search.adversarials, inputs)
            for row in 0..<test.samples {
                guard search.succeeded[row] else { outcome.failures += 1; continue }
                let deviation = norms[row] - bounds[row].bound
                outcome.deviations.append(deviation)
                if deviation < -1e-9 { outcome.violations += 1 }
            }
        }
        return outcome
    }
}

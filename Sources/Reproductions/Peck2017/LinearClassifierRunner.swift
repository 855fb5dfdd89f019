import Autodiff
import Certification
import Robustness
import TensorModule

/// Runs a Table 3.1 test: for each random linear classifier, FGS with binary search
/// (Algorithm 2.1, tolerance 1e-6, largest step `maximumStep`) against the bound of Thm 3.6.
public enum LinearClassifierRunner {
    public static func run(_ test: LinearClassifierTest, seed: UInt64, maximumStep: Double = 1_000) -> DeviationSummary {
        var generator = SeededGenerator(seed: seed)
        var outcome = DeviationSummary()
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
                outcome.record(distance: norms[row], bound: bounds[row].bound)
            }
        }
        return outcome
    }
}

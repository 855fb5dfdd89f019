import Certification
import NeuralNetworks
import Robustness
import TensorModule

/// How the Thm 4.2 bound of an MLP compares with the smaller of the FGS and FGV
/// perturbations (binary search, tolerance 1e-6, largest step `maximumStep`) on each input.
public struct MultilayerPerceptronComparison: Sendable {
    /// Deviations from the sound bound (M' = M sqrt(n) d).
    public var summary: DeviationSummary
    /// Inputs where the thesis's bound (M' = M sqrt(n)) exceeded the attack's ||q||.
    public var thesisVariantViolations: Int

    public init(summary: DeviationSummary = DeviationSummary(), thesisVariantViolations: Int = 0) {
        self.summary = summary
        self.thesisVariantViolations = thesisVariantViolations
    }

    /// Attacks every input of `inputs` [N, d] and compares with both bound variants.
    public static func measure(_ model: Sequential<Double>, inputs: Tensor<Double>, maximumStep: Double) throws
        -> MultilayerPerceptronComparison {
        let classifier = Classifier(model, bounds: -.infinity ... .infinity)
        let criterion = Criterion.misclassification(labels: classifier.predictions(inputs))
        let attacks = try [FastGradientSearch<Double>.Direction.sign, .value].map {
            try AttackDriver.attack(FastGradientSearch(direction: $0, maximumStep: maximumStep, tolerance: 1e-6),
                                    classifier: classifier, inputs: inputs, criterion: criterion)
        }
        let bound = try MultilayerPerceptronBound(model)
        let (corrected, thesis) = (try bound.bounds(inputs, variant: .corrected), try bound.bounds(inputs, variant: .thesis))
        var result = MultilayerPerceptronComparison()
        for row in 0..<inputs.shape[0] {
            let distance = min(attacks[0].distances[row], attacks[1].distances[row])
            guard distance.isFinite else { result.summary.failures += 1; continue }
            result.summary.deviations.append(distance - corrected[row].bound)
            if distance < corrected[row].bound - 1e-9 { result.summary.violations += 1 }
            if distance < thesis[row].bound - 1e-9 { result.thesisVariantViolations += 1 }
        }
        return result
    }

    /// Both comparisons' inputs together.
    public static func + (a: Self, b: Self) -> Self {
        Self(summary: a.summary + b.summary, thesisVariantViolations: a.thesisVariantViolations + b.thesisVariantViolations)
    }
}

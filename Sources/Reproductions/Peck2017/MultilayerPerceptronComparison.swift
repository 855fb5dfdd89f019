import Certification
import NeuralNetworks
import Robustness
import TensorModule

/// How the Thm 4.2 bound of an MLP compares with the smaller of the FGS and FGV
/// perturbations (binary search, tolerance 1e-6, largest step `maximumStep`) on each input.
public struct MultilayerPerceptronComparison: Sendable {
    /// The attack against the sound bound (M' = M sqrt(n) d).
    public var summary: DeviationSummary
    /// The attack against the thesis's bound (M' = M sqrt(n), Thm 4.2 as printed).
    public var thesisVariant: DeviationSummary

    public init(summary: DeviationSummary = DeviationSummary(), thesisVariant: DeviationSummary = DeviationSummary()) {
        self.summary = summary
        self.thesisVariant = thesisVariant
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
            guard distance.isFinite else {
                result.summary.failures += 1
                result.thesisVariant.failures += 1
                continue
            }
            result.summary.record(distance: distance, bound: corrected[row].bound)
            result.thesisVariant.record(distance: distance, bound: thesis[row].bound)
        }
        return result
    }

    /// Both comparisons' inputs together.
    public static func + (a: Self, b: Self) -> Self {
        Self(summary: a.summary + b.summary, thesisVariant: a.thesisVariant + b.thesisVariant)
    }
}

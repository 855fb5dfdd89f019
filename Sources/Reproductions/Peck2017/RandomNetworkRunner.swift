import Certification
import NeuralNetworks
import Robustness
import TensorModule

/// What one Table 4.2 test measured.
public struct RandomNetworkOutcome: Codable, Sendable {
    /// Per network, the mean deviation ||q|| - bound over its attacked inputs (Fig. 4.1's box plots).
    public var networkMeans: [Double]
    /// Every deviation, for the table's statistics.
    public var deviations: LinearClassifierOutcome
    /// Inputs where the thesis's bound (remainder M sqrt(n)) exceeded the attack's ||q||.
    public var thesisVariantViolations: Int
}

/// Runs a Table 4.2 test: random tanh MLPs, the smaller of FGS and FGV perturbations
/// (binary search, tolerance 1e-6, largest step 1000) against the corrected Thm 4.2 bound.
public enum RandomNetworkRunner {
    public static func run(_ test: RandomNetworkTest, seed: UInt64) throws -> RandomNetworkOutcome {
        var generator = SeededGenerator(seed: seed)
        var outcome = RandomNetworkOutcome(networkMeans: [], deviations: LinearClassifierOutcome(deviations: [], violations: 0, failures: 0),
                                           thesisVariantViolations: 0)
        let spec = ModelSpec(name: "random MLP", inputShape: [test.dimension],
                             layers: (0..<test.layers).flatMap { _ in [LayerSpec.dense(units: test.units), .activation(.tanh)] }
                                 + [.dense(units: test.classes)])
        for _ in 0..<test.networks {
            let model = Sequential<Double>(spec, seed: generator.next())
            for parameter in model.parameters {
                parameter.value = .randomUniform(shape: parameter.value.shape, lower: test.parameterInterval.lowerBound,
                                                 upper: test.parameterInterval.upperBound, using: &generator)
            }
            let inputs = Tensor<Double>.randomUniform(shape: [test.samples, test.dimension], lower: test.sampleInterval.lowerBound,
                                                      upper: test.sampleInterval.upperBound, using: &generator)
            let classifier = Classifier(model, bounds: -.infinity ... .infinity)
            let criterion = Criterion.misclassification(labels: classifier.predictions(inputs))
            let attacks = try [FastGradientSearch<Double>.Direction.sign, .value].map {
                try AttackDriver.attack(FastGradientSearch(direction: $0, maximumStep: 1_000, tolerance: 1e-6),
                                        classifier: classifier, inputs: inputs, criterion: criterion)
            }
            let bound = try MultilayerPerceptronBound(model)
            let (corrected, thesis) = (bound.bounds(inputs, variant: .corrected), bound.bounds(inputs, variant: .thesis))
            var deviations: [Double] = []
            for row in 0..<test.samples {
                let distance = min(attacks[0].distances[row], attacks[1].distances[row])
                guard distance.isFinite else { outcome.deviations.failures += 1; continue }
                deviations.append(distance - corrected[row].bound)
                if distance < corrected[row].bound - 1e-9 { outcome.deviations.violations += 1 }
                if distance < thesis[row].bound - 1e-9 { outcome.thesisVariantViolations += 1 }
            }
            outcome.deviations.deviations += deviations
            if !deviations.isEmpty { outcome.networkMeans.append(deviations.reduce(0, +) / Double(deviations.count)) }
        }
        return outcome
    }
}

import Certification
import Datasets
import NeuralNetworks
import Robustness
import TensorModule

/// What one Table 4.3 row measured.
public struct TrainedNetworkOutcome: Sendable {
    public var testAccuracy: Double
    /// ||q|| - bound for every input of the dataset that FGS or FGV perturbed.
    public var deviations: [Double]
    public var violations: Int
    public var thesisVariantViolations: Int
    public var failures: Int
}

/// Trains the Table 4.3 network (Adam, learning rate 0.01, batch 16, `epochs` epochs,
/// reporting validation metrics each epoch to `progress`) and compares the smaller of the FGS and FGV perturbations of every input with the sound
/// Thm 4.2 bound. The thesis names neither optimiser nor epochs.
public enum TrainedNetworkRunner {
    public static func run(_ test: TrainedNetworkTest, seed: UInt64, epochs: Int,
                           progress: ProgressReporter = ProgressReporter()) throws -> TrainedNetworkOutcome {
        let data = try Dataset<Double>.shipped(test.dataset)
        let parts = try data.stratifiedSplit(fractions: [0.7, 0.2, 0.1], seed: seed)
        let scaler = Standardization(fitting: parts[0].inputs)
        let (train, testPart, validation) = (parts[0], parts[1], parts[2])
        let spec = ModelSpec(name: "\(test.name) MLP", inputShape: data.sampleShape,
                             layers: test.hiddenUnits.flatMap { [LayerSpec.dense(units: $0), .activation(.tanh)] }
                                 + [.dense(units: data.classNames.count)])
        let model = Sequential<Double>(spec, seed: seed)
        Trainer.train(model, optimizer: Adam(learningRate: 0.01), inputs: scaler.apply(to: train.inputs), labels: train.labels,
                      validation: (scaler.apply(to: validation.inputs), validation.labels),
                      options: TrainingOptions(epochs: epochs, batchSize: 16, learningRate: 0.01, seed: seed),
                      name: test.name, progress: progress)
        let accuracy = Trainer.evaluate(model, inputs: scaler.apply(to: testPart.inputs), labels: testPart.labels).accuracy
        let inputs = scaler.apply(to: data.inputs)
        let classifier = Classifier(model, bounds: -.infinity ... .infinity)
        let criterion = Criterion.misclassification(labels: classifier.predictions(inputs))
        let attacks = try [FastGradientSearch<Double>.Direction.sign, .value].map {
            try AttackDriver.attack(FastGradientSearch(direction: $0, maximumStep: 100, tolerance: 1e-6),
                                    classifier: classifier, inputs: inputs, criterion: criterion)
        }
        let bound = try MultilayerPerceptronBound(model)
        let (corrected, thesis) = (bound.bounds(inputs, variant: .corrected), bound.bounds(inputs, variant: .thesis))
        var outcome = TrainedNetworkOutcome(testAccuracy: accuracy, deviations: [], violations: 0, thesisVariantViolations: 0, failures: 0)
        for row in 0..<data.count {
            let distance = min(attacks[0].distances[row], attacks[1].distances[row])
            guard distance.isFinite else { outcome.failures += 1; continue }
            outcome.deviations.append(distance - corrected[row].bound)
            if distance < corrected[row].bound - 1e-9 { outcome.violations += 1 }
            if distance < thesis[row].bound - 1e-9 { outcome.thesisVariantViolations += 1 }
        }
        return outcome
    }
}

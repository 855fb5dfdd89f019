import Datasets
import NeuralNetworks
import Robustness
import TensorModule

/// Peck et al.'s Fig. 4.3: train the Table 4.3 networks with the output-margin penalty of
/// strength l and measure, on the whole standardised dataset, the accuracy and the
/// adversarial error (the share of inputs FGS or FGV turns into another class with a step of
/// at most `maximumStep`, in standardised units; the thesis does not give its M).
public enum OutputRegularizationSweep {
    /// One point of the sweep.
    public struct Point: Codable, Sendable {
        public var strength: Double
        public var accuracy: Double
        public var adversarialError: Double
    }

    public static func run(_ test: TrainedNetworkTest, strengths: [Double], epochs: Int, seed: UInt64,
                           maximumStep: Double = 1, progress: ProgressReporter = ProgressReporter()) throws -> [Point] {
        let data = try Dataset<Double>.shipped(test.dataset)
        let inputs = Standardization(fitting: data.inputs).apply(to: data.inputs)
        let spec = ModelSpec(name: "\(test.name) MLP", inputShape: data.sampleShape,
                             layers: test.hiddenUnits.flatMap { [LayerSpec.dense(units: $0), .activation(.tanh)] }
                                 + [.dense(units: data.classNames.count)])
        return try strengths.map { strength in
            let model = Sequential<Double>(spec, seed: seed)
            Trainer.train(model, optimizer: Adam(learningRate: 0.01), inputs: inputs, labels: data.labels,
                          options: TrainingOptions(epochs: epochs, batchSize: 16, learningRate: 0.01, seed: seed),
                          loss: OutputMarginPenalty.batchLoss(strength: strength), name: "\(test.name) l=\(strength)",
                          progress: progress)
            let classifier = Classifier(model, bounds: -.infinity ... .infinity)
            let predictions = classifier.predictions(inputs)
            let accuracy = Double(zip(predictions, data.labels).filter { $0 == $1 }.count) / Double(data.count)
            let criterion = Criterion.misclassification(labels: predictions)
            let results = try [FastGradientSearch<Double>.Direction.sign, .value].map {
                try AttackDriver.attack(FastGradientSearch(direction: $0, maximumStep: maximumStep, tolerance: 1e-4),
                                        classifier: classifier, inputs: inputs, criterion: criterion)
            }
            let fooled = (0..<data.count).filter { results[0].success[$0] || results[1].success[$0] }.count
            return Point(strength: strength, accuracy: accuracy, adversarialError: Double(fooled) / Double(data.count))
        }
    }
}

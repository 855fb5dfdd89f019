import Datasets
import NeuralNetworks
import TensorModule

/// Trains the Table 4.3 network (Adam, learning rate 0.01, batch 16, `epochs` epochs,
/// reporting validation metrics each epoch to `progress`) and compares the Thm 4.2 bound
/// with FGS and FGV on every input (`MultilayerPerceptronComparison`, largest step 100).
/// The thesis names neither optimiser nor epochs.
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
        let comparison = try MultilayerPerceptronComparison.measure(model, inputs: scaler.apply(to: data.inputs), maximumStep: 100)
        return TrainedNetworkOutcome(testAccuracy: accuracy, comparison: comparison)
    }
}

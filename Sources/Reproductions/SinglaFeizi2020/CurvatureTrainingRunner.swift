import Certification
import Datasets
import NeuralNetworks
import TensorModule

/// Trains one network of the reproduction (Adam, the config's epochs; the last epoch's
/// weights are kept, where the authors keep the epoch with the best clean accuracy).
public enum CurvatureTrainingRunner {
    /// Trains the network `config` describes on `train`; `afterEpoch` sees the network after
    /// every epoch.
    public static func train(_ config: CurvatureTrainingConfig, data train: Dataset<Float>,
                             progress: ProgressReporter = ProgressReporter(),
                             afterEpoch: ((TrainingHistory.Epoch, Sequential<Float>) -> Void)? = nil) -> Sequential<Float> {
        let model = Sequential<Float>(config.spec, seed: config.seed)
        let regularised = config.gamma > 0 || config.adversarial != nil
        let loss: Trainer.BatchLoss<Float>? = regularised
            ? CurvatureRegularization.batchLoss(gamma: config.gamma, adversarial: config.adversarial,
                                                estimator: SpectralNormEstimator<Float>())
            : nil
        Trainer.train(model, optimizer: Adam<Float>(learningRate: config.learningRate), inputs: train.inputs, labels: train.labels,
                      options: TrainingOptions(epochs: config.epochs, batchSize: config.batchSize, learningRate: config.learningRate,
                                               seed: config.seed),
                      loss: loss, name: "\(config.networkLabel) \(config.trainingLabel)", progress: progress, afterEpoch: afterEpoch)
        return model
    }
}

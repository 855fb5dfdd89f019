import NeuralNetworks

/// Everything a trained cohort model depends on: its key in the artifact cache.
public struct CohortModelKey: Codable, Sendable, Equatable {
    public let data: CohortExperiment.Data, trainImages: Int, lambda: Double, spec: ModelSpec
    public let optimizer: CohortSettings.Optimizer, epochs: Int, batchSize: Int, learningRate: Double, momentum: Double
    public let weightDecay: Double, decayEvery: Int, decayFactor: Double, seed: UInt64

    /// The key of the model of weight `lambda` in `experiment`, trained on `trainImages` images.
    public init(_ experiment: CohortExperiment, lambda: Double, trainImages: Int) {
        let settings = experiment.settings
        (data, self.trainImages, self.lambda, spec) = (experiment.data, trainImages, lambda, experiment.spec)
        (optimizer, epochs, batchSize, learningRate) = (settings.optimizer, settings.epochs, settings.batchSize, settings.learningRate)
        (momentum, weightDecay, decayEvery, decayFactor, seed) = (settings.momentum, settings.weightDecay, settings.decayEvery,
                                                                   settings.decayFactor, settings.seed)
    }
}

/// How to train: everything that determines the result, so the options (with the ModelSpec
/// and the data) can key a cached model.
public struct TrainingOptions: Codable, Sendable, Hashable {
    public var epochs: Int
    public var batchSize: Int
    /// The base learning rate; `schedule` changes it between epochs.
    public var learningRate: Double
    public var schedule: LearningRateSchedule
    /// Seeds the shuffling of batches and dropout masks.
    public var seed: UInt64
    /// Stop after this many epochs without a better validation loss (nil: never).
    public var earlyStoppingPatience: Int?
    /// Restore the parameters of the epoch with the best validation accuracy at the end (as
    /// Singla & Feizi's code keeps its best checkpoint).
    public var keepBestValidationAccuracy: Bool

    public init(epochs: Int, batchSize: Int, learningRate: Double, schedule: LearningRateSchedule = .constant,
                seed: UInt64 = 0, earlyStoppingPatience: Int? = nil, keepBestValidationAccuracy: Bool = false) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.schedule = schedule
        self.seed = seed
        self.earlyStoppingPatience = earlyStoppingPatience
        self.keepBestValidationAccuracy = keepBestValidationAccuracy
    }
}


/// How to train: everything that determines the result, so the options (with the ModelSpec
/// and the data) can key a cached model.
public struct TrainingOptions: Codable, Sendable, Hashable {
    /// Passes over the training data (fewer when early stopping ends the run).
    public var epochs: Int
    /// Examples per gradient step; the last batch of an epoch may be smaller.
    public var batchSize: Int
    /// The base learning rate; `schedule` changes it between epochs.
    public var learningRate: Double
    /// How the rate changes between epochs.
    public var schedule: LearningRateSchedule
    /// Seeds the shuffling of batches and dropout masks.
    public var seed: UInt64
    /// Visit the training examples in a fresh seeded order every epoch (false: in the given
    /// order, every epoch the same batches).
    public var shuffle: Bool
    /// When no validation set is passed to `Trainer.train`, hold out this fraction of the
    /// training rows for validation: the last rows, before shuffling (Keras' `validation_split`).
    /// nil: no validation.
    public var validationFraction: Double?
    /// Stop after this many epochs without a better validation loss (nil: never).
    public var earlyStoppingPatience: Int?
    /// Restore the parameters of the epoch with the best validation accuracy at the end (as
    /// Singla & Feizi's code keeps its best checkpoint).
    public var keepBestValidationAccuracy: Bool

    /// Options with defaults for everything but the epochs, batch size and learning rate: a
    /// constant rate, seed 0, shuffling, no validation split, no early stopping, the last
    /// epoch's parameters kept.
    public init(epochs: Int, batchSize: Int, learningRate: Double, schedule: LearningRateSchedule = .constant,
                seed: UInt64 = 0, shuffle: Bool = true, validationFraction: Double? = nil,
                earlyStoppingPatience: Int? = nil, keepBestValidationAccuracy: Bool = false) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.schedule = schedule
        self.seed = seed
        self.shuffle = shuffle
        self.validationFraction = validationFraction
        self.earlyStoppingPatience = earlyStoppingPatience
        self.keepBestValidationAccuracy = keepBestValidationAccuracy
    }
}


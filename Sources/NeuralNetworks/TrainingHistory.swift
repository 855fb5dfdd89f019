/// What happened in each epoch of a training run.
public struct TrainingHistory: Codable, Sendable {
    /// One epoch's metrics.
    public struct Epoch: Codable, Sendable {
        public var epoch: Int
        public var learningRate: Double
        public var trainingLoss: Double
        public var trainingAccuracy: Double
        public var validationLoss: Double?
        public var validationAccuracy: Double?
        public var seconds: Double
    }

    public var epochs: [Epoch] = []
    /// Whether early stopping ended the run before `TrainingOptions.epochs`.
    public var stoppedEarly = false
    /// The epoch whose parameters the model holds at the end.
    public var keptEpoch: Int?
}

/// What one Table 4.3 row measured.
public struct TrainedNetworkOutcome: Sendable {
    /// Accuracy on the test part of the split (20% of the dataset).
    public var testAccuracy: Double
    /// The bound against the attacks on every input of the dataset.
    public var comparison: MultilayerPerceptronComparison
}

/// One point of a cohort's budget curve: a model after `epoch` epochs of training, its
/// held-out accuracy and median linearized robustness M[ρ̃] (Eq. 9). Over the models,
/// Spearman(λ, M[ρ̃]) at each epoch answers "how much training does the cohort need before
/// λ orders it by robustness?", the precondition of the paper's cohort-level claims.
public struct CohortBudgetPoint: Codable, Sendable, Equatable {
    public var lambda: Double
    public var epoch: Int
    public var accuracy: Double
    public var medianLinearizedRobustness: Double

    public init(lambda: Double, epoch: Int, accuracy: Double, medianLinearizedRobustness: Double) {
        (self.lambda, self.epoch, self.accuracy, self.medianLinearizedRobustness) = (lambda, epoch, accuracy, medianLinearizedRobustness)
    }

    /// Spearman(λ, M[ρ̃]) over the models at each epoch that every model reached, in epoch order.
    public static func lambdaOrdering(_ points: [CohortBudgetPoint]) -> [(epoch: Int, spearman: Double)] {
        let byEpoch = Dictionary(grouping: points, by: \.epoch)
        let models = Set(points.map(\.lambda)).count
        return byEpoch.keys.sorted().compactMap { epoch in
            let atEpoch = byEpoch[epoch]!.sorted { $0.lambda < $1.lambda }
            guard atEpoch.count == models else { return nil }
            return (epoch, Correlation.spearman(atEpoch.map(\.lambda), atEpoch.map(\.medianLinearizedRobustness)))
        }
    }
}

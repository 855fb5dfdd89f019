/// Everything the evaluation of one cohort model depends on: its key in the artifact cache.
/// `version` changes whenever the evaluation code does, so stale evaluations are not reused.
public struct CohortEvaluationKey: Codable, Sendable, Equatable {
    /// The evaluation code's version (4: ρ̃ paired with the CW distance of the same image).
    public static let currentVersion = 4

    public let model: CohortModelKey, testImages: Int, metricImages: Int, attackImages: Int, gradientEpsilons: Int
    public let iterativeSteps: Int, cwSteps: Int, cwIterations: Int, cwLearningRate: Double, version: Int

    /// The key of evaluating `model` with `settings` on `testImages` held-out images.
    public init(model: CohortModelKey, settings: CohortSettings, testImages: Int) {
        (self.model, self.testImages, metricImages, attackImages) = (model, testImages, settings.metricImages, settings.attackImages)
        (gradientEpsilons, iterativeSteps, cwSteps) = (settings.gradientAttackEpsilons, settings.iterativeSearchSteps,
                                                       settings.carliniWagnerSearchSteps)
        (cwIterations, cwLearningRate, version) = (settings.carliniWagnerIterations, settings.carliniWagnerLearningRate,
                                                   CohortEvaluationKey.currentVersion)
    }
}

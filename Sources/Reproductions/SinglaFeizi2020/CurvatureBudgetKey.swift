/// What a cached budget curve depends on: the network's training config, the evaluation each
/// point runs (its settings and code version, as `CurvatureEvaluationKey`) and the epochs
/// measured. Its JSON is the artifact cache's key (`cached("sf2020-budget", key:)`).
public struct CurvatureBudgetKey: Sendable, Hashable, Codable {
    public var evaluation: CurvatureEvaluationKey
    public var epochs: [Int]

    public init(config: CurvatureTrainingConfig, settings: CurvatureEvaluationSettings, epochs: [Int]) {
        evaluation = CurvatureEvaluationKey(config: config, settings: settings)
        self.epochs = epochs
    }
}

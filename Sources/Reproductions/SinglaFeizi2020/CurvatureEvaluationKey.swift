/// What a cached `CurvatureEvaluation` depends on: the network's training config, the
/// evaluation's settings and the version of the evaluation code. Its JSON is the artifact
/// cache's key (`cached("sf2020-evaluation", key:)`), so a change to any of them recomputes
/// the evaluation.
public struct CurvatureEvaluationKey: Sendable, Hashable, Codable {
    /// Raise it when `CurvatureEvaluationRunner` or the certificates it calls change what they
    /// compute: the new key then misses every evaluation cached before the change. Version 2
    /// records `CurvatureEvaluation.exactDistances`; version 3 takes the curvature bounds from
    /// above (LAPACK-certified) and checks the Float CRC in Double; version 4 finds CROWN's
    /// radius by false position (the same resolution, a different point within it).
    public static let currentVersion = 4

    public var config: CurvatureTrainingConfig
    public var settings: CurvatureEvaluationSettings
    public var version: Int

    public init(config: CurvatureTrainingConfig, settings: CurvatureEvaluationSettings, version: Int = currentVersion) {
        self.config = config
        self.settings = settings
        self.version = version
    }
}

import Datasets
import NeuralNetworks
import NotebookRuntime
import Reproductions

extension CurvatureExperiment {
    /// The network `config` describes, read from the artifact cache (`sf2020-model`, keyed by
    /// the config) or trained on `data.train`. A network of `budgetCurveConfigs` trained here is
    /// measured after each of `budgetEpochs` on `data.test` while it trains
    /// (`CurvatureBudgetPoint`), and its curve is cached beside it (`sf2020-budget`); a
    /// checkpoint trained by a render that measured none has none.
    ///
    /// - Parameter progress: where training progress goes (a notebook passes a quiet reporter).
    public func trainedNetwork(_ config: CurvatureTrainingConfig, data: (train: Dataset<Float>, test: Dataset<Float>),
                               seed: UInt64, progress: ProgressReporter = ProgressReporter()) throws -> TrainedModel<Float> {
        let measured = budgetCurveConfigs.contains(config)
        var points: [CurvatureBudgetPoint]?, failure: Error?
        let trained = try trainedModel("sf2020-model", key: config) {
            points = measured ? [] : nil
            let model = CurvatureTrainingRunner.train(config, data: data.train, progress: progress) { epoch, model in
                guard measured, failure == nil, budgetEpochs.contains(epoch.epoch) else { return }
                do {
                    points?.append(try CurvatureBudgetPoint.measure(model, epoch: epoch.epoch, test: data.test,
                                                                    settings: budgetSettings(seed: seed), progress: progress))
                } catch { failure = error }
            }
            if let failure { throw failure }
            return model
        }
        if measured { _ = try cached("sf2020-budget", key: budgetKey(config, seed: seed)) { points } }
        return trained
    }

    /// The budget curve of `config` (nil when it is not one of `budgetCurveConfigs` or its
    /// checkpoint came from a render that measured none), training the network if needed.
    public func budgetCurve(_ config: CurvatureTrainingConfig, data: (train: Dataset<Float>, test: Dataset<Float>),
                            seed: UInt64, progress: ProgressReporter = ProgressReporter()) throws -> [CurvatureBudgetPoint]? {
        guard budgetCurveConfigs.contains(config) else { return nil }
        _ = try trainedNetwork(config, data: data, seed: seed, progress: progress)
        return try cached("sf2020-budget", key: budgetKey(config, seed: seed)) { nil as [CurvatureBudgetPoint]? }
    }

    private func budgetKey(_ config: CurvatureTrainingConfig, seed: UInt64) -> CurvatureBudgetKey {
        CurvatureBudgetKey(config: config, settings: budgetSettings(seed: seed), epochs: budgetEpochs)
    }
}

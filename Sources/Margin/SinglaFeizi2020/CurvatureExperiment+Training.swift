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
        try trainedWithCurve(config, data: data, seed: seed, progress: progress).model
    }

    /// The budget curve of `config` (nil when it is not one of `budgetCurveConfigs` or its
    /// checkpoint came from a render that measured none), training the network if needed.
    public func budgetCurve(_ config: CurvatureTrainingConfig, data: (train: Dataset<Float>, test: Dataset<Float>),
                            seed: UInt64, progress: ProgressReporter = ProgressReporter()) throws -> [CurvatureBudgetPoint]? {
        try trainedWithCurve(config, data: data, seed: seed, progress: progress).curve
    }

    private func trainedWithCurve(_ config: CurvatureTrainingConfig, data: (train: Dataset<Float>, test: Dataset<Float>),
                                  seed: UInt64, progress: ProgressReporter)
        throws -> (model: TrainedModel<Float>, curve: [CurvatureBudgetPoint]?) {
        let budget = budgetCurveConfigs.contains(config) ? (name: "sf2020-budget", key: budgetKey(config, seed: seed)) : nil
        var failure: Error?
        return try trainedModel("sf2020-model", key: config, budget: budget) { record in
            let model = CurvatureTrainingRunner.train(config, data: data.train, progress: progress) { epoch, model in
                guard let record, failure == nil, budgetEpochs.contains(epoch.epoch) else { return }
                do {
                    record(try CurvatureBudgetPoint.measure(model, epoch: epoch.epoch, test: data.test,
                                                            settings: budgetSettings(seed: seed), progress: progress))
                } catch { failure = error }
            }
            if let failure { throw failure }
            return model
        }
    }

    private func budgetKey(_ config: CurvatureTrainingConfig, seed: UInt64) -> CurvatureBudgetKey {
        CurvatureBudgetKey(config: config, settings: budgetSettings(seed: seed), epochs: budgetEpochs)
    }
}

import NeuralNetworks
import NotebookRuntime
import Reproductions

extension PeckExperiment {
    /// A Chapter 5 network, read from the artifact cache (`peck-cnn-model`, keyed by
    /// `ConvolutionalNetworkKey(test:seed:)`) or trained. A network of `budgetCurveTests`
    /// trained here is measured after every epoch on its held-out images while it trains
    /// (`ConvolutionalBudgetPoint`), and its curve is cached beside it (`peck-cnn-budget`); a
    /// checkpoint trained by a render that measured none has none.
    ///
    /// - Parameter progress: where training progress goes (a notebook passes `cellProgress()`).
    public func trainedNetwork(_ test: ConvolutionalNetworkTest, seed: UInt64,
                               progress: ProgressReporter = ProgressReporter()) throws -> TrainedModel<Float> {
        try trainedWithCurve(test, seed: seed, progress: progress).model
    }

    /// The budget curve of `test` (nil when it is not one of `budgetCurveTests` or its
    /// checkpoint came from a render that measured none), training the network if needed.
    public func budgetCurve(_ test: ConvolutionalNetworkTest, seed: UInt64,
                            progress: ProgressReporter = ProgressReporter()) throws -> [ConvolutionalBudgetPoint]? {
        try trainedWithCurve(test, seed: seed, progress: progress).curve
    }

    private func trainedWithCurve(_ test: ConvolutionalNetworkTest, seed: UInt64, progress: ProgressReporter)
        throws -> (model: TrainedModel<Float>, curve: [ConvolutionalBudgetPoint]?) {
        let key = ConvolutionalNetworkKey(test: test, seed: seed)
        let budget = budgetCurveTests.contains(test)
            ? (name: "peck-cnn-budget", key: ConvolutionalBudgetKey(network: key, images: budgetImages)) : nil
        return try trainedModel("peck-cnn-model", key: key, budget: budget) { record in
            let held = try record.map { _ in try ConvolutionalNetworkRunner.data(test).test }
            return try ConvolutionalNetworkRunner.train(test, seed: seed, progress: progress) { epoch, model in
                guard let record, let held else { return }
                record(ConvolutionalBudgetPoint.measure(model, epoch: epoch.epoch, test: held, images: budgetImages,
                                                        maximumStep: test.maximumStep))
            }
        }
    }
}

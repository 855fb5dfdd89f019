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
        let key = ConvolutionalNetworkKey(test: test, seed: seed)
        let measured = budgetCurveTests.contains(test)
        var points: [ConvolutionalBudgetPoint]?
        let trained = try trainedModel("peck-cnn-model", key: key) {
            let held = measured ? try ConvolutionalNetworkRunner.data(test).test : nil
            points = measured ? [] : nil
            return try ConvolutionalNetworkRunner.train(test, seed: seed, progress: progress) { epoch, model in
                guard let held else { return }
                points?.append(ConvolutionalBudgetPoint.measure(model, epoch: epoch.epoch, test: held, images: budgetImages,
                                                                maximumStep: test.maximumStep))
            }
        }
        if measured { _ = try cached("peck-cnn-budget", key: ConvolutionalBudgetKey(network: key, images: budgetImages)) { points } }
        return trained
    }

    /// The budget curve of `test` (nil when it is not one of `budgetCurveTests` or its
    /// checkpoint came from a render that measured none), training the network if needed.
    public func budgetCurve(_ test: ConvolutionalNetworkTest, seed: UInt64,
                            progress: ProgressReporter = ProgressReporter()) throws -> [ConvolutionalBudgetPoint]? {
        guard budgetCurveTests.contains(test) else { return nil }
        _ = try trainedNetwork(test, seed: seed, progress: progress)
        let key = ConvolutionalBudgetKey(network: ConvolutionalNetworkKey(test: test, seed: seed), images: budgetImages)
        return try cached("peck-cnn-budget", key: key) { nil as [ConvolutionalBudgetPoint]? }
    }
}

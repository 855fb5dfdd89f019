import Foundation
import NeuralNetworks
import NotebookRuntime
import Reproductions
import TensorModule

extension CohortExperiment {
    /// Trains (or reads from the artifact cache) and evaluates every model of the cohort, in λ
    /// order. Models are keyed by `CohortModelKey`, evaluations by `CohortEvaluationKey`;
    /// when `budgetCurveImages` > 0 a model's budget curve is measured while it trains and
    /// cached beside it (a checkpoint from a render that measured none has none).
    ///
    /// - Parameter progress: where training progress goes (a notebook passes a quiet reporter).
    public func run(progress: ProgressReporter = ProgressReporter()) throws -> CohortRun {
        let (train, test) = try load()
        var evaluations: [CohortModelEvaluation] = [], files: [Double: URL] = [:], budget: [CohortBudgetPoint] = []
        for lambda in settings.lambdas {
            let modelKey = CohortModelKey(self, lambda: lambda, trainImages: train.count)
            let (trained, curve) = try trainedModel("etmann2019-model", key: modelKey,
                                                    budget: budgetCurveImages > 0 ? (name: "etmann2019-budget", key: modelKey) : nil) { record in
                CohortRunner.train(lambda: lambda, settings: settings, data: train, spec: spec, progress: progress) { epoch, model in
                    record?(CohortRunner.budgetPoint(model, lambda: lambda, epoch: epoch.epoch, test: test, images: budgetCurveImages))
                }
            }
            budget += curve ?? []
            files[lambda] = trained.checkpoint
            let key = CohortEvaluationKey(model: modelKey, settings: settings, testImages: test.count)
            evaluations.append(try cached("etmann2019-evaluation", key: key) {
                try CohortRunner.evaluate(trained.model, lambda: lambda, settings: settings, test: test,
                                          trainingSeconds: trained.trainingSeconds, progress: progress)
            })
        }
        return CohortRun(experiment: self, train: train, test: test, all: evaluations, modelFiles: files, budget: budget)
    }
}

import Datasets
import Foundation
import NeuralNetworks
import Robustness
import TensorModule

/// Trains and evaluates an Etmann et al. 2019 cohort (`CohortExperiment`), one model at a
/// time, so a notebook can cache each trained model and each evaluation.
public enum CohortRunner {
    /// The network `spec` (default the appendix CNN) trained with double backpropagation of
    /// weight `lambda` (`settings.optimizer`); `afterEpoch` sees the model after every epoch.
    public static func train(lambda: Double, settings: CohortSettings, data: Dataset<Float>, spec: ModelSpec = MNISTCohortModel.spec,
                             progress: ProgressReporter = ProgressReporter(),
                             afterEpoch: ((TrainingHistory.Epoch, Sequential<Float>) -> Void)? = nil) -> Sequential<Float> {
        let model = Sequential<Float>(spec, seed: settings.seed)
        func train(_ optimizer: some NeuralNetworks.Optimizer<Float>) {
            Trainer.train(model, optimizer: optimizer, inputs: data.inputs, labels: data.labels, options: settings.trainingOptions,
                          loss: DoubleBackpropagation.batchLoss(lambda: lambda), name: "lambda \(lambda)", progress: progress,
                          afterEpoch: afterEpoch)
        }
        switch settings.optimizer {
        case .sgd: train(SGD<Float>(learningRate: settings.learningRate, momentum: settings.momentum, weightDecay: settings.weightDecay))
        case .adam: train(Adam<Float>(learningRate: settings.learningRate))
        }
        return model
    }

    /// The budget-curve point of `model` after `epoch` epochs: accuracy on every held-out image
    /// and M[ρ̃] (Eq. 9) over the first `images` of them (images with a non-finite ρ̃ left out).
    public static func budgetPoint(_ model: Sequential<Float>, lambda: Double, epoch: Int, test: Dataset<Float>,
                                   images: Int) -> CohortBudgetPoint {
        let classifier = Classifier(model, bounds: 0...1)
        let accuracy = Trainer.evaluate(model, inputs: test.inputs, labels: test.labels).accuracy
        let count = min(images, test.count)
        let robustness = test.inputs.rowChunks(of: 100, upTo: count).flatMap { chunk in
            SaliencyMetrics.compute(classifier, inputs: chunk.rows).map(\.linearizedRobustness)
        }
        return CohortBudgetPoint(lambda: lambda, epoch: epoch, accuracy: accuracy,
                                 medianLinearizedRobustness: robustness.filter(\.isFinite).median())
    }

    /// Accuracy on every held-out image; alpha, alpha†, rho~ and the Thm 2/3 terms on the
    /// first `metricImages`; the gradient attack, L2 BIM and CW on the first `attackImages`.
    /// `progress` shows the four stages (metrics, gradient attack, BIM, CW) as they finish.
    public static func evaluate(_ model: Sequential<Float>, lambda: Double, settings: CohortSettings, test: Dataset<Float>,
                                trainingSeconds: Double?, progress: ProgressReporter = ProgressReporter()) throws -> CohortModelEvaluation {
        let started = Date()
        progress.start("λ = \(lambda.formatted()): evaluation", total: 4)
        progress.update(0, status: "saliency metrics")
        let classifier = Classifier(model, bounds: 0...1)
        let accuracy = Trainer.evaluate(model, inputs: test.inputs, labels: test.labels).accuracy
        let metricCount = min(settings.metricImages, test.count)
        var metrics: [SaliencyMetrics] = [], terms: [AlignmentBoundTerms] = []
        for (_, chunk) in test.inputs.rowChunks(of: 100, upTo: metricCount) {
            let chunkMetrics = SaliencyMetrics.compute(classifier, inputs: chunk)
            metrics += chunkMetrics
            terms += AlignmentBoundTerms.compute(classifier, inputs: chunk, metrics: chunkMetrics)
        }
        let finite = metrics.indices.filter { index in
            let (metric, term) = (metrics[index], terms[index])
            return [metric.alignment, metric.binarizedAlignment, metric.linearizedRobustness, metric.signedCosine, term.biasTerm,
                    term.saliencyGap, term.shiftedAlignment, term.shiftedGap, term.binarizedLogit].allSatisfy(\.isFinite)
        }
        let metricSeconds = Date().timeIntervalSince(started)
        progress.update(1, status: "gradient attack")
        let attacked = test.inputs.rows(0..<min(settings.attackImages, metricCount))
        let criterion = Criterion.misclassification(labels: classifier.predictions(attacked))
        func distances(_ result: AttackResult<Float>) -> [Double?] { zip(result.success, result.distances).map { $0 ? $1 : nil } }
        var clock = Date()
        func lap() -> Double {
            defer { clock = Date() }
            return Date().timeIntervalSince(clock)
        }
        let gradientAttack = try AttackDriver.attack(GradientAttack(epsilonCount: settings.gradientAttackEpsilons),
                                                     classifier: classifier, inputs: attacked, criterion: criterion)
        let gradientAttackSeconds = lap()
        progress.update(2, status: "L2 BIM")
        let iterative = try AttackDriver.attack(L2BasicIterativeAttack(searchSteps: settings.iterativeSearchSteps),
                                                classifier: classifier, inputs: attacked, criterion: criterion)
        let iterativeAttackSeconds = lap()
        progress.update(3, status: "Carlini–Wagner")
        let carliniWagner = try AttackDriver.attack(
            CarliniWagnerL2(binarySearchSteps: settings.carliniWagnerSearchSteps, maximumIterations: settings.carliniWagnerIterations,
                            learningRate: settings.carliniWagnerLearningRate),
            classifier: classifier, inputs: attacked, criterion: criterion)
        let carliniWagnerSeconds = lap()
        progress.finish(String(format: "accuracy %.1f%%, attacks on %d images", 100 * accuracy, attacked.shape[0]))
        return CohortModelEvaluation(
            lambda: lambda, accuracy: accuracy, alignment: finite.map { metrics[$0].alignment },
            binarizedAlignment: finite.map { metrics[$0].binarizedAlignment },
            linearizedRobustness: finite.map { metrics[$0].linearizedRobustness }, signedCosine: finite.map { metrics[$0].signedCosine },
            boundTerms: finite.map { terms[$0] }, gradientAttack: distances(gradientAttack),
            iterativeAttack: distances(iterative), carliniWagner: distances(carliniWagner),
            nonFiniteImages: metricCount - finite.count, imageIndices: finite, trainingSeconds: trainingSeconds,
            evaluationSeconds: Date().timeIntervalSince(started), metricSeconds: metricSeconds,
            gradientAttackSeconds: gradientAttackSeconds, iterativeAttackSeconds: iterativeAttackSeconds,
            carliniWagnerSeconds: carliniWagnerSeconds)
    }
}

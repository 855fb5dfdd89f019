import Datasets
import Foundation
import NeuralNetworks
import Reproductions
import TensorModule
import Testing

@Suite("Etmann et al. 2019 cohort: settings and statistics")
struct CohortTests {
    @Test("Spearman and Pearson against hand-computed values, ties taking their mean rank",
          arguments: [
            (a: [1.0, 2, 3, 4, 5], b: [2.0, 4, 6, 8, 10], pearson: 1.0, spearman: 1.0),
            (a: [1.0, 2, 3, 4, 5], b: [1.0, 4, 9, 16, 25], pearson: 0.9811049102515929, spearman: 1.0),
            (a: [1.0, 2, 3, 4], b: [4.0, 3, 2, 1], pearson: -1.0, spearman: -1.0),
            (a: [1.0, 2, 2, 3], b: [1.0, 2, 3, 4], pearson: 0.9486832980505138, spearman: 0.9486832980505138),
          ])
    func correlations(a: [Double], b: [Double], pearson: Double, spearman: Double) {
        #expect(abs(Correlation.pearson(a, b) - pearson) < 1e-12)
        #expect(abs(Correlation.spearman(a, b) - spearman) < 1e-12)
    }

    @Test("both profiles span lambda from 10 to 180,000 evenly in log10; quick has at least 6 models")
    func profiles() {
        for (settings, count) in [(CohortSettings.paper, 16), (CohortSettings.quick, 6)] {
            #expect(settings.lambdas.count == count)
            #expect(settings.lambdas.first == 10 && settings.lambdas.last == 180_000)
            let steps = zip(settings.lambdas, settings.lambdas.dropFirst()).map { log10($1 / $0) }
            #expect(steps.allSatisfy { abs($0 - steps[0]) < 1e-4 })
        }
        #expect(CohortSettings.paper.epochs == 200 && CohortSettings.paper.learningRate == 1e-3)
        #expect(MNISTCohortModel.spec.inputShape == [1, 28, 28])
    }

    @Test("both cohort networks map a 28x28 image to 10 logits", arguments: [MNISTCohortModel.spec, FashionCohortModel.spec])
    func networks(spec: ModelSpec) {
        let logits = Sequential<Float>(spec, seed: 3).predict(Tensor(repeating: 0.5, shape: [2, 1, 28, 28]))
        #expect(logits.shape == [2, 10])
    }
}

/// `settings` cut to the cheapest attacks (1 BIM search step, CW 1 x `carliniWagnerIterations`),
/// and the evaluation of an untrained appendix CNN under them on `images` uniform random images.
func randomEvaluation(images: Int, metricImages: Int, attackImages: Int, epsilons: Int, carliniWagnerIterations: Int,
                      settings: CohortSettings = .quick) throws -> (settings: CohortSettings, evaluation: CohortModelEvaluation) {
    var generator = SeededGenerator(seed: 6)
    let inputs = Tensor<Float>.randomUniform(shape: [images, 1, 28, 28], using: &generator)
    let test = try Dataset(name: "random", inputs: inputs, labels: (0..<images).map { $0 % 10 }, classNames: (0..<10).map(String.init))
    var settings = settings
    (settings.metricImages, settings.attackImages, settings.gradientAttackEpsilons) = (metricImages, attackImages, epsilons)
    (settings.iterativeSearchSteps, settings.carliniWagnerSearchSteps, settings.carliniWagnerIterations) = (1, 1, carliniWagnerIterations)
    let model = Sequential<Float>(MNISTCohortModel.spec, seed: 1)
    return (settings, try CohortRunner.evaluate(model, lambda: 10, settings: settings, test: test, trainingSeconds: nil,
                                                progress: ProgressReporter(output: .nullDevice, isTerminal: false)))
}

@Suite("Etmann et al. 2019 cohort experiments: MNIST and the Fashion-MNIST substitute")
struct CohortExperimentTests {
    @Test("the substitute: quick has at least 3 lambdas over the paper's range on a stratified subset; paper is full Fashion-MNIST with the paper's 16 lambdas and settings")
    func substituteProfiles() {
        let (quick, paper) = (CohortExperiment.fashionMNISTSubstitute(.quick), CohortExperiment.fashionMNISTSubstitute(.paper))
        #expect(quick.settings.lambdas.count >= 3 && quick.settings.lambdas.first == 10 && quick.settings.lambdas.last == 180_000)
        #expect(quick.trainImages < 60_000 && quick.testImages < 10_000)
        #expect((paper.trainImages, paper.testImages) == (60_000, 10_000))
        #expect(paper.settings == CohortSettings.paper)
        #expect(quick.spec == FashionCohortModel.spec && paper.spec == FashionCohortModel.spec && quick.data == .fashionMNIST)
        #expect(CohortExperiment.mnist(.paper).settings == .paper && CohortExperiment.mnist(.quick).spec == MNISTCohortModel.spec)
    }

    @Test("the MNIST experiment loads the 4,000 / 1,000 split, 400 / 100 per class")
    func mnistData() throws {
        let (train, test) = try CohortExperiment.mnist(.quick).load()
        #expect(train.classCounts == Array(repeating: 400, count: 10) && test.classCounts == Array(repeating: 100, count: 10))
    }

    @Test("the extrapolated cost scales training by models x epochs x images and CW by its iterations")
    func extrapolation() throws {
        var measuredRun = CohortExperiment.mnist(.quick)
        var evaluation: CohortModelEvaluation
        (measuredRun.settings, evaluation) = try randomEvaluation(images: 2, metricImages: 2, attackImages: 1, epsilons: 10,
                                                                 carliniWagnerIterations: 2, settings: measuredRun.settings)
        (evaluation.trainingSeconds, evaluation.metricSeconds, evaluation.gradientAttackSeconds, evaluation.iterativeAttackSeconds, evaluation.carliniWagnerSeconds) = (3, 1, 2, 3, 4)
        var target = measuredRun
        target.settings.lambdas = [10, 20]
        target.settings.epochs *= 5
        target.trainImages *= 3
        target.settings.carliniWagnerIterations *= 7
        let estimate = target.extrapolatedSeconds(from: [evaluation], of: measuredRun)
        #expect(abs(estimate.training - 3 * 2 * 5 * 3) < 1e-9)
        #expect(abs(estimate.evaluation - 2 * (1 + 2 + 3 + 4 * 7)) < 1e-9)
        evaluation.trainingSeconds = nil
        #expect(target.extrapolatedSeconds(from: [evaluation], of: measuredRun).training.isNaN)
    }
}

@Suite("Etmann et al. 2019 cohort runner")
struct CohortRunnerTests {
    @Test("an evaluation has one value per image, no Thm 2/3 violations, and survives a JSON round trip")
    func evaluation() throws {
        let evaluation = try randomEvaluation(images: 4, metricImages: 3, attackImages: 2, epsilons: 20, carliniWagnerIterations: 3).evaluation
        #expect(evaluation.alignment.count + evaluation.nonFiniteImages == 3)
        #expect(evaluation.boundTerms.count == evaluation.alignment.count)
        #expect([evaluation.gradientAttack, evaluation.iterativeAttack, evaluation.carliniWagner].allSatisfy { $0.count == 2 })
        #expect(evaluation.violations == (0, 0, 0))
        let decoded = try JSONDecoder().decode(CohortModelEvaluation.self, from: JSONEncoder().encode(evaluation))
        #expect(decoded.linearizedRobustness == evaluation.linearizedRobustness && decoded.carliniWagner == evaluation.carliniWagner)
        #expect(abs(evaluation.theorem2FirstShares.reduce(0, +) - 1) < 1e-9)
    }

    @Test("rho~ meets the CW distance of the same held-out image when a metric image was left out")
    func carliniWagnerPairs() throws {
        var evaluation = try randomEvaluation(images: 4, metricImages: 4, attackImages: 4, epsilons: 10, carliniWagnerIterations: 2).evaluation
        #expect(evaluation.imageIndices == [0, 1, 2, 3])
        (evaluation.imageIndices, evaluation.linearizedRobustness, evaluation.carliniWagner) = ([0, 2, 3], [10, 30, 40], [1, 2, nil, 4])
        let pairs = evaluation.carliniWagnerPairs
        #expect(pairs.linearizedRobustness == [10, 40] && pairs.distance == [1, 4])
    }
}

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

    @Test("medians of odd and even counts")
    func medians() {
        #expect(Correlation.median([3, 1, 2]) == 2)
        #expect(Correlation.median([4, 1, 3, 2]) == 2.5)
        #expect(Correlation.median([]).isNaN)
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

@Suite("Etmann et al. 2019 cohort runner")
struct CohortRunnerTests {
    @Test("an evaluation has one value per image, no Thm 2/3 violations, and survives a JSON round trip")
    func evaluation() throws {
        var generator = SeededGenerator(seed: 6)
        let images = Tensor<Float>.randomUniform(shape: [4, 1, 28, 28], using: &generator)
        let test = try Dataset(name: "random", inputs: images, labels: [0, 1, 2, 3], classNames: (0..<10).map(String.init))
        var settings = CohortSettings.quick
        (settings.metricImages, settings.attackImages, settings.gradientAttackEpsilons) = (3, 2, 20)
        (settings.iterativeSearchSteps, settings.carliniWagnerSearchSteps, settings.carliniWagnerIterations) = (1, 1, 3)
        let model = Sequential<Float>(MNISTCohortModel.spec, seed: 1)
        let evaluation = try CohortRunner.evaluate(model, lambda: 10, settings: settings, test: test, trainingSeconds: nil)
        #expect(evaluation.alignment.count + evaluation.nonFiniteImages == 3)
        #expect(evaluation.boundTerms.count == evaluation.alignment.count)
        #expect([evaluation.gradientAttack, evaluation.iterativeAttack, evaluation.carliniWagner].allSatisfy { $0.count == 2 })
        #expect(evaluation.violations == (0, 0, 0))
        let decoded = try JSONDecoder().decode(CohortModelEvaluation.self, from: JSONEncoder().encode(evaluation))
        #expect(decoded.linearizedRobustness == evaluation.linearizedRobustness && decoded.carliniWagner == evaluation.carliniWagner)
        #expect(abs(evaluation.theorem2FirstShares.reduce(0, +) - 1) < 1e-9)
    }
}

import Certification
import Foundation
import NeuralNetworks
import Reproductions
import TensorModule
import Testing

@Suite("Singla & Feizi 2020: curvature-regularised training and evaluation on real MNIST images")
struct CurvatureTrainingTests {
    static let data = Result { try CurvatureDataset.mnistSubset.load(trainingSize: 300, testSize: 100, seed: 3) }
    static let silent = ProgressReporter(output: .nullDevice, isTerminal: false)

    static func config(gamma: Double, crt: Bool) -> CurvatureTrainingConfig {
        var config = CurvatureTrainingConfig(dataset: .mnistSubset, depth: 3, width: 32, gamma: gamma,
                                adversarial: crt ? CurvatureRegularization.Adversarial(
                                    radius: 0.5, options: CurvatureAttack.Options(outerSteps: 4, innerSteps: 3)) : nil,
                                epochs: 8, trainingSize: 300)
        config.learningRate = 0.01
        return config
    }

    static func meanCurvature(_ model: Sequential<Float>) throws -> Double {
        let pairs = (0..<10).flatMap { y in (0..<10).filter { $0 != y }.map { (y, $0) } }
        let bounds = try LogitCurvature.deepNetworkBound(try FullyConnectedNetwork(model), labels: pairs.map(\.0), targets: pairs.map(\.1))
        return bounds.reduce(0, +) / Double(bounds.count)
    }

    @Test("the curvature penalty and CRT lower Thm 4's K several-fold and still fit the data")
    func penaltyLowersCurvature() throws {
        let train = try Self.data.get().train
        let standard = CurvatureTrainingRunner.train(Self.config(gamma: 0, crt: false), data: train, progress: Self.silent)
        let penalised = CurvatureTrainingRunner.train(Self.config(gamma: 0.2, crt: false), data: train, progress: Self.silent)
        let crt = CurvatureTrainingRunner.train(Self.config(gamma: 0.2, crt: true), data: train, progress: Self.silent)
        let (k0, k1, k2) = (try Self.meanCurvature(standard), try Self.meanCurvature(penalised), try Self.meanCurvature(crt))
        #expect(k1 < 0.5 * k0, "K: standard \(k0), penalised \(k1)")
        #expect(k2 < 0.5 * k0, "K: standard \(k0), CRT \(k2)")
        for model in [penalised, crt] {
            #expect(Trainer.evaluate(model, inputs: train.inputs, labels: train.labels).accuracy > 0.7)
        }
    }

    @Test("a budget point after the last epoch measures the trained network: its test accuracy and its median K")
    func budgetPoints() throws {
        let (train, test) = try Self.data.get()
        let settings = CurvatureEvaluationSettings(certifiedImages: 20, crownImages: 0, robustImages: 0, curvatureImages: 0,
                                                   pairMinimum: 2)
        var points: [CurvatureBudgetPoint] = []
        var config = Self.config(gamma: 0, crt: false)
        config.epochs = 3
        let model = CurvatureTrainingRunner.train(config, data: train, progress: Self.silent) { epoch, model in
            points.append(try! CurvatureBudgetPoint.measure(model, epoch: epoch.epoch, test: test, settings: settings,
                                                            progress: Self.silent))
        }
        #expect(points.map(\.epoch) == [1, 2, 3])
        #expect(points.allSatisfy { (0...$0.accuracy).contains($0.certifiedAccuracy) })
        let last = try #require(points.last)
        #expect(last.accuracy == Trainer.evaluate(model, inputs: test.inputs, labels: test.labels).accuracy)
        let pairs = (0..<10).flatMap { y in (0..<10).filter { $0 != y }.map { (y, $0) } }
        let bounds = try LogitCurvature.deepNetworkBound(try FullyConnectedNetwork(model), labels: pairs.map(\.0),
                                                         targets: pairs.map(\.1)).sorted()
        #expect(last.medianCurvature == (bounds[44] + bounds[45]) / 2)
    }

    @Test("an evaluation's rates are fractions, certified accuracy is below accuracy and K_lb below K_ub")
    func evaluationIsConsistent() throws {
        let (train, test) = try Self.data.get()
        let model = CurvatureTrainingRunner.train(Self.config(gamma: 0.5, crt: false), data: train, progress: Self.silent)
        let settings = CurvatureEvaluationSettings(certifiedImages: 10, crownImages: 3, robustImages: 20, curvatureImages: 50,
                                                   pairMinimum: 2)
        let result = try CurvatureEvaluationRunner.evaluate(model, test: test, settings: settings, progress: Self.silent)
        #expect(result.crc.count == result.certifiedImages && result.crown.count == 3)
        for value in [result.accuracy, result.certificateSuccess, result.attackSuccess, try #require(result.empiricalRobustAccuracy)] {
            #expect((0...1).contains(value))
        }
        #expect(result.certifiedAccuracy(radius: 0.5) <= result.accuracy)
        #expect(result.soundnessViolations == 0)
        let (lower, upper) = (try #require(result.curvatureLower), try #require(result.curvatureUpper))
        #expect(lower <= upper * (1 + 1e-4), "K_lb \(lower) above K_ub \(upper)")
    }
}

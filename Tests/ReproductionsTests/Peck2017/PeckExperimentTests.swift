import Foundation
import NeuralNetworks
import Reproductions
import Testing

@Suite("Peck et al. 2017: experiments sized from a Profile")
struct PeckExperimentTests {
    @Test("Table 5.3 trains LeNet-5 and every LRN network with one optimiser for the same epochs", arguments: Profile.allCases)
    func table53(_ profile: Profile) {
        let tests = ConvolutionalNetworkTest.table53(profile)
        #expect(tests.map(\.network) == [.lenet5, .lrn1, .lrn2, .lrn3])
        #expect(Set(tests.map(\.training)) == [.adam])
        #expect(Set(tests.map(\.epochs)).count == 1 && Set(tests.map(\.testLimit)).count == 1)
    }

    @Test("only the quick profile attacks a subset of the test images and runs fewer random MLPs", arguments: Profile.allCases)
    func sizes(_ profile: Profile) {
        let experiment = PeckExperiment(profile)
        #expect((experiment.table51[0].testLimit != nil) == (profile == .quick))
        let networks = experiment.randomNetworkTests.filter { $0.number != 8 }.map(\.networks)
        #expect(Set(networks) == [profile == .quick ? 20 : 100])
        #expect(experiment.randomNetworkTests.first { $0.number == 8 }!.networks == 10)
    }

    @Test("a network's cache key leaves out the Fig. 5.12 fields when they are unset")
    func keyStability() throws {
        let test = ConvolutionalNetworkTest.table51(.quick)[0]
        let plain = String(decoding: try JSONEncoder().encode(ConvolutionalNetworkKey(test: test, seed: 7)), as: UTF8.self)
        let scaled = String(decoding: try JSONEncoder().encode(ConvolutionalNetworkKey(test: test, seed: 7, scaledKernels: 1,
                                                                                        kernelScale: 0.9)), as: UTF8.self)
        #expect(!plain.contains("scaledKernels") && !plain.contains("kernelScale"))
        #expect(scaled.contains("scaledKernels") && scaled != plain)
    }

    @Test("scaling the first n kernels scales those filters only and leaves the model alone", arguments: [0, 1, 2])
    func kernelScaling(_ count: Int) {
        let spec = LeNetVariant.lenet5.spec(inputShape: [1, 28, 28])
        let model = Sequential<Float>(spec, seed: 3)
        let scaled = ConvolutionalNetworkRunner.scalingKernels(of: model, count: count, by: 0.5)
        let filters = { (network: Sequential<Float>) in
            network.layers.compactMap { $0 as? Conv2D<Float> }.map(\.filter.value.scalars)
        }
        for (index, (original, changed)) in zip(filters(model), filters(scaled)).enumerated() {
            #expect(changed == (index < count ? original.map { $0 * 0.5 } : original))
        }
        #expect(filters(model) == filters(Sequential<Float>(spec, seed: 3)))
        let biases = { (network: Sequential<Float>) in network.state.filter { $0.value.shape.count == 1 }.map(\.value.scalars) }
        #expect(biases(scaled) == biases(model))
    }

    @Test("deviations and ratios come from the recorded distances and bounds", arguments: [
        ([2.0, 3, 1], [1.0, 3, 2], [1.0, 0, -1], [2.0, 1, 0.5], 1),
        ([5.0], [0.0], [5.0], [Double.infinity], 0),
    ])
    func summary(distances: [Double], bounds: [Double], deviations: [Double], ratios: [Double], violations: Int) {
        var summary = DeviationSummary()
        for (distance, bound) in zip(distances, bounds) { summary.record(distance: distance, bound: bound) }
        #expect(summary.deviations == deviations && summary.ratios == ratios && summary.violations == violations)
        #expect((summary + summary).distances.count == 2 * distances.count)
    }

    @Test("the budget curve runs in claims and paper only, on Table 5.3's networks")
    func budgetCurveTests() {
        #expect(PeckExperiment(.quick).budgetCurveTests.isEmpty)
        for profile in [Profile.claims, .paper] {
            let experiment = PeckExperiment(profile)
            #expect(experiment.budgetCurveTests == experiment.table53 && experiment.budgetImages > 0)
        }
    }

    @Test("a budget point measured during training is the analysis of the trained network on the same images")
    func budgetPointMatchesAnalysis() throws {
        var test = ConvolutionalNetworkTest.table53(.quick)[3]
        (test.epochs, test.trainingLimit, test.testLimit) = (1, 300, 30)
        let held = try ConvolutionalNetworkRunner.data(test).test
        var points: [ConvolutionalBudgetPoint] = []
        let model = try ConvolutionalNetworkRunner.train(test, seed: 5, progress: ProgressReporter(output: .nullDevice, isTerminal: false)) {
            points.append(ConvolutionalBudgetPoint.measure($1, epoch: $0.epoch, test: held, images: 30, maximumStep: test.maximumStep))
        }
        let outcome = try ConvolutionalNetworkRunner.analyse(model, test: test)
        let point = try #require(points.last)
        #expect(points.map(\.epoch) == [1])
        #expect(point.rate == outcome.rate)
        #expect(abs(point.accuracy - outcome.testAccuracy) < 1e-9)
        #expect(abs(point.smallestEpsilon - outcome.epsilonStatistics.minimum) <= 1e-3 * outcome.epsilonStatistics.minimum,
                "smallest ε \(point.smallestEpsilon) against the analysis's \(outcome.epsilonStatistics.minimum)")
    }
}

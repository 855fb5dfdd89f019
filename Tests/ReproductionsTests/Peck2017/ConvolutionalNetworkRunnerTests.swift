import Certification
import NeuralNetworks
import Reproductions
import Testing

@Suite("Peck et al. 2017, Tables 5.1-5.3 networks and statistics")
struct ConvolutionalNetworkRunnerTests {
    @Test("LeNet variants: Caffe's layout, LRN after the named pools, readable by Algorithm 5.1", arguments: [
        (LeNetVariant.lenet5, [Int](), [[20, 24, 24], [20, 12, 12], [50, 8, 8], [50, 4, 4], [800], [500], [500], [10]]),
        (.lrn1, [2], [[20, 24, 24], [20, 12, 12], [20, 12, 12], [50, 8, 8], [50, 4, 4], [800], [500], [500], [10]]),
        (.lrn2, [4], [[20, 24, 24], [20, 12, 12], [50, 8, 8], [50, 4, 4], [50, 4, 4], [800], [500], [500], [10]]),
        (.lrn3, [2, 5], [[20, 24, 24], [20, 12, 12], [20, 12, 12], [50, 8, 8], [50, 4, 4], [50, 4, 4], [800], [500], [500], [10]]),
    ])
    func architecture(_ variant: LeNetVariant, normalisationIndices: [Int], shapes: [[Int]]) throws {
        let spec = variant.spec(inputShape: [1, 28, 28])
        #expect(try spec.layerOutputShapes() == shapes)
        #expect(spec.layers.indices.filter { spec.layers[$0] == LeNetVariant.localResponseNorm } == normalisationIndices)
        _ = try ConvolutionalNetworkBound(Sequential<Double>(spec, seed: 1))
    }

    @Test("epsilon statistics: sample standard deviation and the median of an even count", arguments: [
        ([1.0, 2, 3, 4], EpsilonStatistics(minimum: 1, maximum: 4, mean: 2.5, median: 2.5, standardDeviation: (5.0 / 3).squareRoot())),
        ([7.0], EpsilonStatistics(minimum: 7, maximum: 7, mean: 7, median: 7, standardDeviation: 0)),
    ])
    func statistics(_ values: [Double], expected: EpsilonStatistics) {
        let computed = EpsilonStatistics(of: values)
        #expect(computed.minimum == expected.minimum && computed.maximum == expected.maximum && computed.median == expected.median)
        #expect(abs(computed.mean - expected.mean) < 1e-12 && abs(computed.standardDeviation - expected.standardDeviation) < 1e-12)
    }

    @Test("outcome: rate, normalisation by pixels, violations against the smaller attack, confusion counts")
    func outcome() {
        let outcome = ConvolutionalNetworkOutcome(
            testAccuracy: 1, pixels: 4, predictions: [0, 1, 1], thesisBounds: [1, 2, 9], soundBounds: [0.5, 1, 1],
            epsilons: [1, 100, 2], succeeded: [true, false, true], fgsDistances: [2, 200, 4], newClasses: [1, 1, 0],
            deepFoolDistances: [3, 1.5], examples: [])
        #expect(abs(outcome.rate - 2.0 / 3) < 1e-12)
        #expect(outcome.successfulEpsilons == [1, 2])
        #expect(outcome.normalisedBound(outcome.thesisBounds) == 1)
        #expect(outcome.normalisedEmpiricalBound == 0.75)
        #expect(outcome.smallestAttack(0) == 2 && outcome.smallestAttack(1) == 1.5 && outcome.smallestAttack(2) == 4)
        #expect(outcome.violations(outcome.thesisBounds) == [1, 2])
        #expect(outcome.violations(outcome.soundBounds).isEmpty)
        #expect(outcome.confusion(classes: 2) == [[0, 1], [1, 0]])
    }
}

import NeuralNetworks
import Reproductions
import Testing

@Suite("Peck et al. 2017, Table 4.3 runner")
struct TrainedNetworkRunnerTests {
    @Test("a trained Iris MLP classifies well and no attack beats the sound bound")
    func iris() throws {
        let outcome = try TrainedNetworkRunner.run(TrainedNetworkTest.table43[0], seed: 5, epochs: 60, progress: ProgressReporter(output: .nullDevice, isTerminal: false))
        #expect(outcome.testAccuracy >= 0.9)
        #expect(outcome.comparison.summary.violations == 0)
        #expect(outcome.comparison.summary.deviations.count + outcome.comparison.summary.failures == 150)
    }
}

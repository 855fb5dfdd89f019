import Reproductions
import Testing

@Suite("Peck et al. 2017, Table 4.2 runner")
struct RandomNetworkRunnerTests {
    @Test("no violation of the corrected bound on small versions of every test", arguments: RandomNetworkTest.printedTable42)
    func table42(_ test: RandomNetworkTest) throws {
        var small = test
        small.networks = 2
        small.samples = min(test.samples, 5)
        let outcome = try RandomNetworkRunner.run(small, seed: 42)
        #expect(outcome.comparison.summary.violations == 0)
        #expect(outcome.comparison.summary.deviations.count + outcome.comparison.summary.failures == 2 * small.samples)
    }
}

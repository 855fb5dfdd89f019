import Reproductions
import Testing

@Suite("Peck et al. 2017, Table 3.1 runner")
struct LinearClassifierRunnerTests {
    @Test("deviations are never negative (no bound violations) and the run is deterministic",
          arguments: LinearClassifierTest.table31)
    func table31(_ test: LinearClassifierTest) {
        var small = test
        small.classifiers = 10
        let outcome = LinearClassifierRunner.run(small, seed: 31)
        #expect(outcome.violations == 0)
        #expect(outcome.deviations.count + outcome.failures == 10 * test.samples)
        #expect(outcome.deviations.allSatisfy { $0 >= -1e-9 })
        #expect(LinearClassifierRunner.run(small, seed: 31).deviations == outcome.deviations)
    }

    @Test("the published values are the thesis's Table 3.1")
    func published() {
        #expect(LinearClassifierTest.table31.map(\.published.median) == [0.8637, 3.782, 0.9544, 4.498, 1.076])
    }
}

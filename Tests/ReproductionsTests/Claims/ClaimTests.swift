import Reproductions
import Testing

@Suite("Claims: the three-way verdict rule and the trend test")
struct ClaimTests {
    @Test("exact permutation p-values of Spearman's rho against hand-counted ones",
          arguments: [
            // n = 4, perfectly rising: only the identity pairing reaches rho = 1, p = 1/24.
            (x: [1.0, 2, 3, 4], y: [10.0, 20, 30, 40], direction: TrendTest.Direction.increasing, p: 1.0 / 24),
            // The same pairs asserted to fall: every pairing has rho >= -1, p = 1.
            (x: [1.0, 2, 3, 4], y: [10.0, 20, 30, 40], direction: .decreasing, p: 1.0),
            // n = 3, perfectly falling: p = 1/6.
            (x: [1.0, 2, 3], y: [3.0, 2, 1], direction: .decreasing, p: 1.0 / 6),
            // n = 4, rho = 0.8 (one adjacent swap): pairings with rho >= 0.8 are the identity and
            // the three adjacent swaps, p = 4/24.
            (x: [1.0, 2, 3, 4], y: [1.0, 3, 2, 4], direction: .increasing, p: 4.0 / 24),
          ] as [(x: [Double], y: [Double], direction: TrendTest.Direction, p: Double)])
    func exactPValues(x: [Double], y: [Double], direction: TrendTest.Direction, p: Double) {
        let trend = TrendTest(x: x, y: y, direction: direction)
        #expect(abs(trend.pValue - p) < 1e-12)
        #expect(trend.smallestPossiblePValue == 1 / Double((1...x.count).reduce(1, *)))
    }

    @Test("the sampled p-value (n > 8) lands near the exact tail of a strong trend and is reproducible")
    func sampledPValue() {
        let x = (0..<12).map(Double.init)
        let y = x.map { $0 * $0 }
        let trend = TrendTest(x: x, y: y, direction: .increasing)
        #expect(trend.spearman == 1)
        #expect(trend.pValue == 1.0 / 20_001)
        let noisy = [3.0, 1, 2, 6, 4, 5, 9, 7, 8, 12, 10, 11]
        let first = TrendTest(x: x, y: noisy, direction: .increasing), second = TrendTest(x: x, y: noisy, direction: .increasing)
        #expect(first.pValue == second.pValue)
        #expect(first.pValue < 0.01 && first.isSignificantInClaimedDirection)
        #expect(!TrendTest(x: x, y: noisy, direction: .decreasing).isSignificantInClaimedDirection)
    }

    @Test("verdicts: a failed precondition is untestable, never holds; too few models are untestable",
          arguments: [
            (y: [1.0, 2, 3, 4, 5], met: true, verdict: Verdict.holds),
            (y: [5.0, 4, 3, 2, 1], met: true, verdict: .doesNotHold),
            (y: [1.0, 3, 2, 5, 4], met: true, verdict: .doesNotHold),
            (y: [1.0, 2, 3, 4, 5], met: false, verdict: .untestable),
            (y: [1.0, 2, 3], met: true, verdict: .untestable),
          ] as [(y: [Double], met: Bool, verdict: Verdict)])
    func trendVerdicts(y: [Double], met: Bool, verdict: Verdict) {
        let x = y.indices.map(Double.init)
        let claim = Claim("alignment rises with robustness", source: "paper Fig. 3", testedOn: "MNIST",
                          trend: TrendTest(x: x, y: y, direction: .increasing),
                          precondition: ClaimPrecondition(isMet: met, "λ orders the models by robustness"))
        #expect(claim.verdict == verdict)
        if verdict == .untestable { #expect(claim.reason.contains(met ? "cannot reach" : "precondition fails")) }
    }

    @Test("a pass/fail claim holds exactly when its test passes and its precondition is met",
          arguments: [(passed: true, met: true, verdict: Verdict.holds), (passed: false, met: true, verdict: .doesNotHold),
                      (passed: true, met: false, verdict: .untestable), (passed: false, met: false, verdict: .untestable)]
            as [(passed: Bool, met: Bool, verdict: Verdict)])
    func thresholdVerdicts(passed: Bool, met: Bool, verdict: Verdict) {
        let claim = Claim("standard nets certify nothing", source: "paper Table 5", testedOn: "3-layer net", statistic: "0%",
                          holds: (passed, "certified <= 5%"), precondition: ClaimPrecondition(isMet: met, "accuracy >= 90%"))
        #expect(claim.verdict == verdict)
        #expect(claim.reason.contains(met ? "certified <= 5%" : "accuracy >= 90%"))
    }

    @Test("profiles parse from their names and nothing else")
    func profiles() {
        #expect(Profile.allCases.map { Profile($0.description) } == Profile.allCases.map(Optional.some))
        #expect(Profile("Paper") == nil && Profile("") == nil && Profile("claim") == nil)
    }
}

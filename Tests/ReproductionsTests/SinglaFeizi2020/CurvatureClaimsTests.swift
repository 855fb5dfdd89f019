@testable import Reproductions
import Testing

@Suite("Singla & Feizi 2020: the verdict rules of the headline claims")
struct CurvatureClaimsTests {
    /// An evaluation with `certified` of 100 images certified at ρ = 0.5 and CRC / CROWN per image.
    static func evaluation(accuracy: Double = 0.95, certified: Int, crc: Double = 1, crown: Double = 0.5,
                           exact: Double = 0.2, attack: Double = 1, k: (Double, Double) = (2, 4)) -> CurvatureEvaluation {
        let radii = (0..<100).map { $0 < certified ? crc : 0.1 }
        return CurvatureEvaluation(accuracy: accuracy, certifiedImages: 100, crc: radii, crcAuthors: radii, crcLocal: nil,
                                   crown: [Double](repeating: crown, count: 20), certificateSuccess: exact,
                                   exactDistances: radii.map { _ in nil }, attackSuccess: attack, soundnessViolations: 0,
                                   empiricalRobustAccuracy: nil, robustImages: 0, curvatureLower: k.0, curvatureUpper: k.1,
                                   crcSecondsPerImage: 0, crownSecondsPerImage: 0, rho: 0.5)
    }

    /// Every network the claims look at, standard deep nets certifying `deepStandard` of 100.
    static func claims(_ profile: Profile, deepStandard: Int, deepPenalised: Int = 95) -> CurvatureClaims {
        let experiment = CurvatureExperiment(profile)
        var evaluations: [CurvatureTrainingConfig: CurvatureEvaluation] = [:]
        for config in experiment.cohort + experiment.primalDualCohort {
            let standard = config.gamma == 0 && config.adversarial == nil
            let certified = config.depth == 2 ? 90 : standard ? deepStandard : deepPenalised
            evaluations[config] = evaluation(certified: certified, crc: standard && config.depth > 2 ? 0.6 : 1,
                                             crown: standard && config.depth > 2 ? 0.8 : 0.5,
                                             exact: config.gamma > 0.02 ? 0.4 : 0.1)
        }
        for (index, gamma) in CurvatureExperiment.gammaSweep.enumerated() {
            evaluations[experiment.config(depth: 2, gamma: gamma, crt: false)] = evaluation(certified: 90, k: (2, 10 - Double(index)))
        }
        return CurvatureClaims(experiment, evaluations: evaluations)
    }

    @Test("claims about standard networks are untestable when they were trained for fewer than the authors' 30 epochs")
    func quickIsUntestable() {
        let claims = Self.claims(.quick, deepStandard: 0)
        #expect(claims.standardDeepUncertified.verdict == .untestable)
        #expect(claims.crownBeatsCrcOnStandardDeep.verdict == .untestable)
    }

    @Test("a 0% baseline lifted to 95% holds; a 40% baseline makes the lift untestable and refutes '0%'")
    func lift() {
        let holds = Self.claims(.claims, deepStandard: 0)
        #expect(holds.standardDeepUncertified.verdict == .holds)
        #expect(holds.penaltyLifts.verdict == .holds)
        let high = Self.claims(.claims, deepStandard: 40)
        #expect(high.standardDeepUncertified.verdict == .doesNotHold)
        #expect(high.penaltyLifts.verdict == .untestable)
        #expect(Self.claims(.claims, deepStandard: 0, deepPenalised: 70).penaltyLifts.verdict == .doesNotHold)
    }

    @Test("sign tests: CRC wins on every image of regularised nets, CROWN on standard deep nets")
    func certificates() {
        let claims = Self.claims(.claims, deepStandard: 0)
        #expect(claims.crcBeatsCrown.verdict == .holds)
        #expect(claims.crownBeatsCrcOnStandardDeep.verdict == .holds)
    }

    @Test("a gap K_ub / K_lb falling over five γ values is a significant falling trend; three depths are untestable")
    func curvatureTrends() {
        let claims = Self.claims(.claims, deepStandard: 0)
        #expect(claims.gapShrinksWithGamma.verdict == .holds)
        #expect(claims.gapWidensWithDepth.verdict == .untestable)
        #expect(claims.boundsOrdered.verdict == .holds)
        #expect(claims.attackExact.verdict == .holds && claims.certificateExactWithPenalty.verdict == .holds)
    }
}

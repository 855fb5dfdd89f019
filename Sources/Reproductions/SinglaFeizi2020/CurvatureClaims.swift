import Foundation
/// The headline claims of Singla & Feizi 2020 tested on one render's networks, each with the
/// rule `Claim` applies (a failed precondition makes a claim untestable).
///
/// `evaluations` holds the runner-up evaluations (ρ = 0.5) of `experiment.cohort`, the
/// 2-layer γ sweep (`CurvatureExperiment.gammaSweep`) and `experiment.primalDualCohort`.
public struct CurvatureClaims {
    /// The authors' training length; shorter training leaves a standard network smoother than
    /// theirs, so the claims about standard networks need it.
    public static let paperEpochs = 30
    /// Certified accuracy at or below this counts as "0%" (the paper prints 0.00%).
    public static let nearZero = 0.05
    /// Table 5a's "non-trivial certified accuracies" of γ = 0.01 networks: at least this.
    public static let liftedLevel = 0.80
    /// Table 17's "minimal impact on accuracy": γ = 0.01 loses at most this much accuracy
    /// (the paper's largest loss is 0.98 points; 1,000 test images add about ±0.8 points).
    public static let accuracyCost = 0.02

    public let experiment: CurvatureExperiment
    public let evaluations: [CurvatureTrainingConfig: CurvatureEvaluation]

    public init(_ experiment: CurvatureExperiment, evaluations: [CurvatureTrainingConfig: CurvatureEvaluation]) {
        self.experiment = experiment
        self.evaluations = evaluations
    }

    /// The evaluation of the sigmoid MNIST network of `depth` with `gamma` (CRT when `crt`).
    public func result(depth: Int, gamma: Double, crt: Bool = false) -> CurvatureEvaluation {
        let config = experiment.config(depth: depth, gamma: gamma, crt: crt)
        guard let result = evaluations[config] else { preconditionFailure("no evaluation of \(config.networkLabel) \(config.trainingLabel)") }
        return result
    }

    /// Every claim, in the order of the report's claims table.
    public var all: [Claim] {
        [standardDeepUncertified, penaltyLifts, crtBoosts, penaltyCostsLittleAccuracy, crcBeatsCrown, crownBeatsCrcOnStandardDeep,
         boundsOrdered, gapShrinksWithGamma, gapWidensWithDepth, attackExact, certificateExactWithPenalty]
    }

    /// Whether the standard networks were trained as long as the authors' and reach 90% accuracy.
    var standardTrained: ClaimPrecondition {
        let accuracies = [3, 4].map { result(depth: $0, gamma: 0).accuracy }
        return ClaimPrecondition(isMet: experiment.epochs >= Self.paperEpochs && accuracies.allSatisfy { $0 >= 0.9 },
                                 "standard 3- and 4-layer nets trained \(experiment.epochs) epochs (need ≥ \(Self.paperEpochs), the authors') "
                                 + "to accuracy \(Self.percents(accuracies)) (need ≥ 90%)")
    }

    /// Table 5a / 17: standard 3- and 4-layer sigmoid networks certify 0.00% at ρ = 0.5.
    public var standardDeepUncertified: Claim {
        let certified = [3, 4].map { result(depth: $0, gamma: 0).certifiedAccuracy(radius: 0.5) }
        return Claim("Standard 3- and 4-layer sigmoid nets certify about 0% at ρ = 0.5", source: "paper Tables 5a, 17 (0.00%, 0.00%)",
                     testedOn: "3×, 4×[1024] standard", statistic: "certified \(Self.percents(certified))",
                     holds: (certified.allSatisfy { $0 <= Self.nearZero }, "both ≤ \(Self.percent(Self.nearZero))"),
                     precondition: standardTrained)
    }

    /// Table 5a: γ = 0.01 lifts the certified accuracy of 3- and 4-layer networks from 0% to
    /// 88.33% and 89.61%.
    public var penaltyLifts: Claim {
        let baseline = [3, 4].map { result(depth: $0, gamma: 0).certifiedAccuracy(radius: 0.5) }
        let lifted = [3, 4].map { result(depth: $0, gamma: 0.01).certifiedAccuracy(radius: 0.5) }
        return Claim("γ = 0.01 lifts certified accuracy of 3- and 4-layer nets from about 0% to at least 80%",
                     source: "paper Table 5a (0% → 88.33%, 89.61%)", testedOn: "3×, 4×[1024] standard and γ = 0.01",
                     statistic: "\(Self.percents(baseline)) → \(Self.percents(lifted))",
                     holds: (lifted.allSatisfy { $0 >= Self.liftedLevel }, "both ≥ \(Self.percent(Self.liftedLevel))"),
                     precondition: ClaimPrecondition(isMet: baseline.allSatisfy { $0 <= Self.nearZero },
                                                     "the standard baseline is near 0%: \(Self.percents(baseline)) (need ≤ \(Self.percent(Self.nearZero)))"))
    }

    /// Table 5a: CRT with γ = 0.01 certifies more than the penalty alone (95.59% against
    /// 83.53% for two layers).
    public var crtBoosts: Claim {
        let pairs = experiment.crtDepths.map {
            (result(depth: $0, gamma: 0.01).certifiedAccuracy(radius: 0.5), result(depth: $0, gamma: 0.01, crt: true).certifiedAccuracy(radius: 0.5))
        }
        return Claim("CRT (γ = 0.01) certifies more than γ = 0.01 alone", source: "paper Table 5a (2 layers: 83.53% → 95.59%)",
                     testedOn: "depths \(Self.list(experiment.crtDepths.map(String.init))); CRT trained \(experiment.crtEpochs) "
                         + "epochs, γ alone \(experiment.epochs)",
                     statistic: Self.list(pairs.map { "\(Self.percent($0.0)) → \(Self.percent($0.1))" }),
                     holds: (pairs.allSatisfy { $0.1 > $0.0 }, "CRT higher at every depth"))
    }

    /// Table 17: γ = 0.01 costs at most 0.98 points of accuracy.
    public var penaltyCostsLittleAccuracy: Claim {
        let drops = [2, 3, 4].map { result(depth: $0, gamma: 0).accuracy - result(depth: $0, gamma: 0.01).accuracy }
        return Claim("γ = 0.01 costs little accuracy", source: "paper Table 17 (0.29, 0.66, 0.98 points)",
                     testedOn: "2×, 3×, 4×[1024] standard and γ = 0.01",
                     statistic: "drops " + Self.list(drops.map { String(format: "%.2f", 100 * $0) }) + " points",
                     holds: (drops.allSatisfy { $0 <= Self.accuracyCost }, "every drop ≤ \(Self.points(Self.accuracyCost))"))
    }

    /// Tables 5b and 15: CRC exceeds CROWN on 2-layer networks and on curvature-regularised
    /// deeper ones, tested image by image with a sign test on each network.
    public var crcBeatsCrown: Claim {
        let networks = experiment.cohort.filter { $0.depth == 2 || $0.gamma > 0 }
        return signTestClaim("CRC exceeds CROWN on 2-layer nets and on curvature-regularised deeper nets",
                             source: "paper Tables 5b, 15", networks: networks, crcFirst: true, precondition: nil)
    }

    /// Table 5b: on standard 3- and 4-layer networks CROWN exceeds CRC (0.24644 against 0.06874).
    public var crownBeatsCrcOnStandardDeep: Claim {
        let networks = [3, 4].map { experiment.config(depth: $0, gamma: 0, crt: false) }
        return signTestClaim("CROWN exceeds CRC on standard 3- and 4-layer nets", source: "paper Table 5b (0.246 vs 0.069, 0.195 vs 0.005)",
                             networks: networks, crcFirst: false, precondition: standardTrained)
    }

    /// Thm 4 and Table 16: K_lb ≤ K_ub on every network (a bound below what the Hessians show
    /// would be a bug).
    public var boundsOrdered: Claim {
        let pairs = evaluations.values.compactMap { result in result.curvatureLower.flatMap { lower in result.curvatureUpper.map { (lower, $0) } } }
        let ordered = pairs.filter { $0.0 <= $0.1 }.count
        return Claim("K_lb ≤ K_ub (Thm 4 bounds the Hessian)", source: "paper Thm 4, Table 16", testedOn: "\(pairs.count) networks",
                     statistic: "\(ordered) of \(pairs.count) ordered",
                     holds: (ordered == pairs.count, "every network"),
                     precondition: ClaimPrecondition(isMet: !pairs.isEmpty, "K measured on at least one network"))
    }

    /// Table 16 and Fig. 1: the ratio K_ub / K_lb falls as γ rises.
    public var gapShrinksWithGamma: Claim {
        let gammas = CurvatureExperiment.gammaSweep
        let ratios = gammas.map { Self.gap(result(depth: 2, gamma: $0)) }
        return Claim("The gap K_ub / K_lb shrinks as γ rises", source: "paper Table 16, Fig. 1",
                     testedOn: "2×[1024], γ = " + Self.list(gammas.map { "\($0)" }),
                     trend: TrendTest(x: gammas, y: ratios, direction: .decreasing))
    }

    /// Table 16: for a fixed γ the gap K_ub / K_lb widens with depth (shown here for γ = 0).
    public var gapWidensWithDepth: Claim {
        let ratios = [2, 3, 4].map { Self.gap(result(depth: $0, gamma: 0)) }
        return Claim("The gap K_ub / K_lb widens with depth", source: "paper Table 16", testedOn: "2×, 3×, 4×[1024] standard",
                     trend: TrendTest(x: [2, 3, 4], y: ratios, direction: .increasing))
    }

    /// Table 2: for CRT networks with γ = 0.03, 0.05, 0.07 the attack is exact (primal = dual,
    /// the point on the sphere ρ = 0.5) on every input.
    public var attackExact: Claim {
        let rates = experiment.primalDualCohort.map { evaluations[$0]!.attackSuccess }
        return Claim("The curvature attack is exact (primal = dual) on all inputs of strongly regularised CRT nets",
                     source: "paper Table 2 (100%)", testedOn: Self.list(experiment.primalDualCohort.map { "\($0.depth) layers, CRT \($0.gamma)" }),
                     statistic: "attack success " + Self.percents(rates),
                     holds: (rates.allSatisfy { $0 >= 0.99 }, "every rate ≥ 99%"),
                     precondition: ClaimPrecondition(isMet: !rates.isEmpty, "at least one Table 2 network trained"))
    }

    /// Tables 2 and 12: the certificate is exact (primal = dual) more often with a strong
    /// penalty than without (2.24% → 44.17% for two layers).
    public var certificateExactWithPenalty: Claim {
        let pairs = experiment.primalDualCohort.map { strong in
            (result(depth: strong.depth, gamma: 0, crt: true).certificateSuccess, evaluations[strong]!.certificateSuccess)
        }
        return Claim("The certificate is exact (primal = dual) more often with a strong penalty than with γ = 0",
                     source: "paper Tables 2, 12 (2.24% → 44.17%, 0.12% → 22.59%, 0.01% → 19.53%)",
                     testedOn: Self.list(experiment.primalDualCohort.map { "\($0.depth) layers, CRT 0 and \($0.gamma)" }),
                     statistic: Self.list(pairs.map { "\(Self.percent($0.0)) → \(Self.percent($0.1))" }),
                     holds: (pairs.allSatisfy { $0.1 > $0.0 }, "higher at every depth"),
                     precondition: ClaimPrecondition(isMet: !pairs.isEmpty && pairs.allSatisfy { $0.0 < 1 },
                                                     "γ = 0 leaves room: its rate " + Self.percents(pairs.map(\.0)) + " is below 100%"))
    }

    /// A claim that one certificate exceeds the other on each of `networks`, by a one-sided sign
    /// test over the images both certified: holds when every network's test is significant,
    /// untestable when some network has too few images for significance.
    func signTestClaim(_ statement: String, source: String, networks: [CurvatureTrainingConfig], crcFirst: Bool,
                       precondition: ClaimPrecondition?) -> Claim {
        let tests = networks.map { config in
            let result = evaluations[config]!
            let crc = Array(result.crc.prefix(result.crown.count))
            return crcFirst ? PairedSignTest(crc, result.crown) : PairedSignTest(result.crown, crc)
        }
        let names = networks.map { "\($0.depth)L \($0.trainingLabel)" }
        let statistic = "wins (sign test p): " + Self.list(zip(names, tests).map { "\($0) \($1.summary) (\(TrendTest.format($1.pValue)))" })
        let enoughImages = ClaimPrecondition(isMet: tests.allSatisfy(\.canReachSignificance),
                                             "CROWN on \(networks.map { evaluations[$0]!.crown.count }.min() ?? 0) images per network "
                                             + "(a sign test needs ≥ 5 untied images to reach p < 0.05)")
        return Claim(statement, source: source, testedOn: Self.list(names), statistic: statistic,
                     holds: (tests.allSatisfy(\.isSignificant), "one-sided sign test p < 0.05 on every network"),
                     precondition: precondition.map { $0.isMet ? enoughImages : $0 } ?? enoughImages)
    }

    /// K_ub / K_lb of one network (nan when not measured).
    public static func gap(_ result: CurvatureEvaluation) -> Double {
        (result.curvatureUpper ?? .nan) / (result.curvatureLower ?? .nan)
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", 100 * value) }
    static func points(_ value: Double) -> String { String(format: "%.1f points", 100 * value) }
    static func percents(_ values: [Double]) -> String { list(values.map(percent)) }
    static func list(_ items: [String]) -> String { items.joined(separator: ", ") }
}

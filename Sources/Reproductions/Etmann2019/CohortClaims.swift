import Foundation
import TensorModule

/// The headline claims of Etmann et al. 2019 tested on a render's cohorts, each a `Claim`
/// with its verdict. The paper prints no coefficients, so the thresholds are Margin's and
/// each claim's reason states its rule.
///
/// The cohort-level claims (Figs. 2, 3, 6–9) compare models of different robustness, so they
/// are testable only when λ orders the usable models by robustness: a significant rising
/// trend of M[ρ̃] in λ (`TrendTest`, one-sided p < 0.05). Fig. 5's claim that ρ̃ tracks the
/// distance to the nearest adversarial needs an attack that finds near-minimal perturbations:
/// CW is taken as near-minimal when its median distance is at most L2 BIM's in every model.
public enum CohortClaims {
    /// Pointwise Pearson correlation counted as "correlated" (Figs. 4, 5).
    public static let correlated = 0.7
    /// Pointwise |r| below which there is "no visible correlation" (Fig. 4, left).
    public static let uncorrelated = 0.3

    /// Whether λ orders the usable models of `run` by robustness: the trend of M[ρ̃] in λ.
    public static func lambdaOrdering(_ models: [CohortModelEvaluation]) -> TrendTest {
        TrendTest(x: models.map(\.lambda), y: models.map(\.medianLinearizedRobustness), direction: .increasing)
    }

    /// The precondition of the cohort-level claims on `models`.
    public static func orderedByRobustness(_ models: [CohortModelEvaluation]) -> ClaimPrecondition {
        let trend = lambdaOrdering(models)
        return ClaimPrecondition(isMet: trend.isSignificantInClaimedDirection,
                                 "λ orders the models by robustness (\(trend.summary) for M[ρ̃] against λ)")
    }

    /// The four robustness estimates of Figs. 2 and 3: each model's median.
    public static func robustnessEstimates(_ models: [CohortModelEvaluation]) -> [(name: String, medians: [Double])] {
        [("gradient attack", models.map { CohortModelEvaluation.medianDistance($0.gradientAttack) }),
         ("L2 BIM", models.map { CohortModelEvaluation.medianDistance($0.iterativeAttack) }),
         ("CW", models.map { CohortModelEvaluation.medianDistance($0.carliniWagner) }),
         ("ρ̃ (Eq. 9)", models.map(\.medianLinearizedRobustness))]
    }

    /// Whether CW's median distance is at most L2 BIM's in every model, with the counts.
    public static func carliniWagnerIsMinimal(_ models: [CohortModelEvaluation]) -> ClaimPrecondition {
        let smaller = models.filter {
            CohortModelEvaluation.medianDistance($0.carliniWagner) <= CohortModelEvaluation.medianDistance($0.iterativeAttack)
        }
        return ClaimPrecondition(isMet: !models.isEmpty && smaller.count == models.count,
                                 "CW near-minimal: M[CW] ≤ M[BIM] in \(smaller.count) of \(models.count) models")
    }

    /// Figs. 2/3: median alignment rises with median robustness, one claim per robustness
    /// estimate (in `robustnessEstimates` order), each testable only when λ orders `models`.
    public static func alignmentClaims(_ models: [CohortModelEvaluation], on data: String, figure: String) -> [Claim] {
        let ordered = orderedByRobustness(models), alignments = models.map(\.medianAlignment)
        return robustnessEstimates(models).map { estimate in
            Claim("median alignment rises with median robustness (\(estimate.name))", source: "paper \(figure)", testedOn: data,
                  trend: TrendTest(x: estimate.medians, y: alignments, direction: .increasing), precondition: ordered)
        }
    }

    /// The claims made of both cohorts, tested on the usable `models` of the cohort `data`;
    /// `figure` is the paper's figure for that cohort (Fig. 3 MNIST, Fig. 2 ImageNet).
    public static func cohortClaims(_ models: [CohortModelEvaluation], on data: String, figure: String) -> [Claim] {
        var claims = [Claim("double backpropagation with growing λ creates models of growing robustness", source: "paper Sec. 4",
                            testedOn: data, trend: lambdaOrdering(models))]
        claims += alignmentClaims(models, on: data, figure: figure)
        let minimal = carliniWagnerIsMinimal(models)
        claims.append(Claim("CW is a near-minimal attack (Margin's check of what Fig. 5 assumes)", source: "paper Sec. 4",
                            testedOn: data, statistic: minimal.description, holds: (minimal.isMet, "M[CW] ≤ M[BIM] in every model")))
        let cw = models.map(\.carliniWagnerCorrelation).median()
        claims.append(Claim("ρ̃ tracks the distance to the nearest adversarial (CW)", source: "paper Fig. 5", testedOn: data,
                            statistic: String(format: "median over models of Pearson r(ρ̃, CW) = %.2f", cw),
                            holds: (cw >= correlated, "r ≥ \(correlated)"), precondition: minimal))
        let gradientLarger = models.filter {
            CohortModelEvaluation.medianDistance($0.carliniWagner) < CohortModelEvaluation.medianDistance($0.gradientAttack)
        }.count
        claims.append(Claim("the elaborate attacks find smaller perturbations than the gradient attack", source: "paper \(figure)",
                            testedOn: data, statistic: "M[CW] < M[gradient] in \(gradientLarger) of \(models.count) models",
                            holds: (gradientLarger == models.count, "in every model")))
        let (violations, pairs) = models.reduce((0, 0)) { total, model in
            let flags = model.violations
            return (total.0 + flags.eq14 + flags.eq15 + flags.eq16, total.1 + model.boundTerms.count)
        }
        claims.append(Claim("Eqs. 14–16 bound ρ̃ at every point", source: "paper Thms 2, 3", testedOn: data,
                            statistic: "\(violations) violations in \(pairs) image-model pairs × 3 inequalities",
                            holds: (violations == 0, "no violation")))
        return claims
    }

    /// Every claim: the shared ones on MNIST and on the substitute, the pointwise correlation
    /// on MNIST against its absence on the substitute (Fig. 4), and the substitute's trends of
    /// the summand shares (Figs. 6–9, ImageNet panels).
    public static func all(mnist: [CohortModelEvaluation], substitute: [CohortModelEvaluation],
                           onMNIST: String, onSubstitute: String) -> [Claim] {
        let mnistAlpha = mnist.map(\.alignmentCorrelation).median()
        let substituteAlpha = substitute.map(\.alignmentCorrelation).median()
        var claims = cohortClaims(mnist, on: onMNIST, figure: "Fig. 3")
        claims.append(Claim("ρ̃ and α correlate pointwise on MNIST", source: "paper Fig. 4, right", testedOn: onMNIST,
                            statistic: String(format: "median over models of Pearson r(ρ̃, α) = %.2f", mnistAlpha),
                            holds: (mnistAlpha >= correlated, "r ≥ \(correlated)")))
        claims += cohortClaims(substitute, on: onSubstitute, figure: "Fig. 2 (ImageNet)")
        claims.append(Claim("no visible pointwise correlation of ρ̃ and α on ImageNet", source: "paper Fig. 4, left",
                            testedOn: onSubstitute,
                            statistic: String(format: "median over models of Pearson r(ρ̃, α) = %.2f", substituteAlpha),
                            holds: (abs(substituteAlpha) < uncorrelated, "|r| < \(uncorrelated)")))
        claims.append(Claim("ρ̃ and α correlate less on the more non-linear problem", source: "paper Fig. 4, left against right",
                            testedOn: "substitute against MNIST",
                            statistic: String(format: "median r(ρ̃, α): %.2f against %.2f", substituteAlpha, mnistAlpha),
                            holds: (substituteAlpha < mnistAlpha, "the substitute's r is lower")))
        let ordered = orderedByRobustness(substitute)
        let robustness = substitute.map(\.medianLinearizedRobustness)
        let trends: [(String, String, (CohortModelEvaluation) -> Double)] = [
            ("α†'s share in Eq. 14 rises with robustness (ImageNet: below 0.55 to almost 0.85)", "paper Fig. 6, left",
             { $0.theorem2FirstShares[0] }),
            ("α's share in Eq. 15 rises with robustness (ImageNet: about 7-fold)", "paper Fig. 7, left", { $0.theorem2SecondShares[0] }),
            ("|⟨ξ, γ̄⟩|'s share in Eq. 16 rises with robustness", "paper Fig. 8, left", { $0.theorem3Shares[0] }),
            ("M[|⟨x, g†⟩|] / M[|Ψ†(x)|] rises with robustness", "paper Fig. 9, left", { $0.linearPartRatio }),
        ]
        for (statement, source, value) in trends {
            claims.append(Claim(statement, source: source, testedOn: onSubstitute,
                                trend: TrendTest(x: robustness, y: substitute.map(value), direction: .increasing),
                                precondition: ordered))
        }
        return claims
    }

    /// The claims table's notes: the cohorts behind it and the verdict rules.
    public static func notes(profile: Profile, mnist: CohortRun, substitute: CohortRun) -> [String] {
        func cohort(_ name: String, _ run: CohortRun) -> String {
            "\(name): \(run.usable.count) usable of \(run.all.count) models, \(run.settings.epochs) epochs on \(run.train.count) "
                + "images, attacks on \(run.settings.attackImages) images per model."
        }
        return ["\(profile) profile (\(profile.purpose)). " + cohort("MNIST", mnist) + " " + cohort("Substitute", substitute),
                "Trends over models: Spearman's ρ with a one-sided permutation p-value (exact up to \(TrendTest.exactLimit) "
                    + "models); a trend holds at p < 0.05. With n models the smallest possible p is 1/n!, so fewer than 4 "
                    + "models leave a trend untestable.",
                "Cohort-level claims are untestable unless λ orders the usable models by robustness; ρ̃ against CW is "
                    + "untestable unless CW is near-minimal (M[CW] ≤ M[BIM] in every model). Other thresholds are Margin's: "
                    + "the paper prints no coefficients."]
    }
}

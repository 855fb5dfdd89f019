import Foundation

/// The report's readings of Etmann et al. 2019: the paper's words beside Margin's computed
/// numbers and, where a claim tests the reading, that claim's verdict (so prose and claims
/// table never disagree).
public enum CohortReadings {
    /// "**Paper:** … **Margin (profile):** …".
    static func reading(paper: String, profile: Profile, _ margin: String) -> String {
        "**Paper:** \(paper) **Margin (\(profile)):** \(margin)"
    }

    /// `"%.2f → %.2f (min %.2f, max %.2f)"` of per-model values, least to most regularised.
    static func range(_ values: [Double]) -> String {
        String(format: "%.2f → %.2f (min %.2f, max %.2f)", values.first!, values.last!, values.min()!, values.max()!)
    }

    /// Does λ order the cohort by robustness?
    public static func spread(_ models: [CohortModelEvaluation], profile: Profile, paper: String) -> String {
        let medians = models.map(\.medianLinearizedRobustness), ordering = CohortClaims.orderedByRobustness(models)
        let verdict = ordering.isMet
            ? "The regularisation orders the models by robustness, as in the paper, so the cohort-level claims below are testable."
            : "The regularisation does **not** order the models by robustness here, so the cohort-level claims below are "
              + "untestable in this render (see the budget curve and the claims profile)."
        return reading(paper: paper, profile: profile, String(format: "M[ρ̃] lies between %.2f and %.2f over the %d usable models; ",
                                                             medians.min()!, medians.max()!, models.count)
                       + ordering.description + ". " + verdict)
    }

    /// Figs. 2/3: the trend of M[α] in each robustness estimate.
    public static func alignment(_ models: [CohortModelEvaluation], profile: Profile, paper: String) -> String {
        let claims = CohortClaims.alignmentClaims(models, on: "", figure: "")
        let parts = zip(CohortClaims.robustnessEstimates(models), claims).map { estimate, claim in
            "\(estimate.name): \(claim.statistic), \(claim.verdict.label)"
        }
        return reading(paper: paper, profile: profile, "the trend of M[α] in each robustness estimate — "
                       + parts.joined(separator: "; ") + ".")
    }

    /// Figs. 4 and 5: the range of the pointwise correlations over the cohort.
    public static func pointwise(_ models: [CohortModelEvaluation], profile: Profile, attackImages: Int, paper: String) -> String {
        let (alphas, cws) = (models.map(\.alignmentCorrelation), models.map(\.carliniWagnerCorrelation))
        return reading(paper: paper, profile: profile, String(
            format: "r(ρ̃, α) ranges over %.2f–%.2f across the cohort and r(ρ̃, CW) over %.2f–%.2f (on %d attacked images per model).",
            alphas.min()!, alphas.max()!, cws.min()!, cws.max()!, attackImages))
    }

    /// Figs. 6–8: the shares of the first summands from the least to the most regularised model.
    public static func shares(_ models: [CohortModelEvaluation], profile: Profile, paper: String) -> String {
        reading(paper: paper, profile: profile, "from the least to the most regularised model, α†'s share in Eq. 14 "
                + range(models.map { $0.theorem2FirstShares[0] }) + "; α's share in Eq. 15 "
                + range(models.map { $0.theorem2SecondShares[0] }) + "; |⟨ξ, γ̄⟩|'s share in Eq. 16 "
                + range(models.map { $0.theorem3Shares[0] }) + ".")
    }

    /// Fig. 9: the linear part's share of the binarized logit.
    public static func ratio(_ models: [CohortModelEvaluation], profile: Profile, paper: String) -> String {
        let rho = models.map(\.medianLinearizedRobustness)
        return reading(paper: paper, profile: profile, "from the least to the most regularised model, the ratio goes "
                       + range(models.map(\.linearPartRatio))
                       + String(format: " while M[ρ̃] goes from %.2f to %.2f.", rho.first!, rho.last!))
    }

    /// What `run` took and, for a cheaper profile, what `paper` would take extrapolated from it.
    public static func cost(_ run: CohortRun, name: String, paper: CohortExperiment, profile: Profile) -> String {
        let training = run.all.reduce(0) { $0 + ($1.trainingSeconds ?? .nan) }
        let evaluation = run.all.reduce(0) { $0 + $1.evaluationSeconds }
        var text = String(format: "**%@.** On this machine the %@ profile trained its %d models on %d images in %.0f s and "
                          + "evaluated them in %.0f s (%.1f minutes), measured when they were computed.",
                          name, profile.description, run.all.count, run.train.count, training, evaluation, (training + evaluation) / 60)
        guard profile != .paper else { return text }
        let estimate = paper.extrapolatedSeconds(from: run.all, of: run.experiment)
        text += String(format: " Extrapolated from these times, the paper profile (%d models × %d epochs on %d images, Foolbox's "
                       + "attack settings on %d images) would take about %.0f hours of training (%.1f days) and up to %.0f hours "
                       + "of evaluation (CW's early stop usually shortens it); it has not been run.",
                       paper.settings.lambdas.count, paper.settings.epochs, paper.trainImages, paper.settings.attackImages,
                       estimate.training / 3600, estimate.training / 86_400, estimate.evaluation / 3600)
        return text
    }
}

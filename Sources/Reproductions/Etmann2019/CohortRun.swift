import Datasets
import Foundation
import TensorModule

/// A cohort trained and evaluated: every model, the usable ones, the budget curve.
///
/// Usable: accuracy within `accuracyTolerance` (5 points) of the cohort's best and at least one
/// image with finite metrics. A model far less accurate than the rest (the λ = 180,000 model
/// after little training) would otherwise count as the "least robust" or the most regularised
/// model of a trend; it stays in the cohort table and is left out of figures and claims.
public struct CohortRun: Sendable {
    /// Usable models are at most this far below the best accuracy of the cohort.
    public static let accuracyTolerance = 0.05

    public let experiment: CohortExperiment
    public let train: Dataset<Float>, test: Dataset<Float>
    /// Every model, in λ order.
    public let all: [CohortModelEvaluation]
    /// Each model's checkpoint, by λ.
    public let modelFiles: [Double: URL]
    /// M[ρ̃] after every epoch of every model (empty when the profile records none or the
    /// checkpoints came from an earlier render that did not record it).
    public let budget: [CohortBudgetPoint]

    public init(experiment: CohortExperiment, train: Dataset<Float>, test: Dataset<Float>, all: [CohortModelEvaluation],
                modelFiles: [Double: URL], budget: [CohortBudgetPoint]) {
        (self.experiment, self.train, self.test, self.all, self.modelFiles, self.budget) = (experiment, train, test, all, modelFiles, budget)
    }

    public var settings: CohortSettings { experiment.settings }
    /// The models the figures and claims use (see the type's rule).
    public var usable: [CohortModelEvaluation] { all.filter(isUsable) }
    /// The models left out, with the reason in `usabilityRule`.
    public var leftOut: [CohortModelEvaluation] { all.filter { !isUsable($0) } }
    /// The budget curve of the usable models (a model left out of the claims is left out of the
    /// curve that decides whether λ orders the cohort).
    public var usableBudget: [CohortBudgetPoint] {
        let lambdas = Set(usable.map(\.lambda))
        return budget.filter { lambdas.contains($0.lambda) }
    }
    /// The rule as a report states it.
    public var usabilityRule: String {
        String(format: "usable: accuracy within %.0f points of the cohort's best (%.1f%%) and at least one image with finite metrics",
               100 * CohortRun.accuracyTolerance, 100 * bestAccuracy)
    }

    private var bestAccuracy: Double { all.map(\.accuracy).max() ?? 0 }

    private func isUsable(_ model: CohortModelEvaluation) -> Bool {
        model.accuracy >= bestAccuracy - CohortRun.accuracyTolerance && !model.linearizedRobustness.isEmpty
    }
}

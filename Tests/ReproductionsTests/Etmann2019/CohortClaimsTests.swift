import Foundation
import Datasets
import Reproductions
import TensorModule
import Testing

/// A cohort of `medians.count` synthetic evaluations: model i has λ = 10^(i+1), accuracy
/// `accuracies[i]`, and every metric image's ρ̃ equal to `medians[i]`.
private func syntheticCohort(medians: [Double], accuracies: [Double]? = nil) throws -> [CohortModelEvaluation] {
    let template = try randomEvaluation(images: 3, metricImages: 3, attackImages: 1, epsilons: 5, carliniWagnerIterations: 1)
        .evaluation
    return medians.indices.map { index in
        var model = template
        model.lambda = Double(truncating: pow(10, index + 1) as NSNumber)
        model.accuracy = accuracies?[index] ?? 0.9
        model.linearizedRobustness = Array(repeating: medians[index], count: template.linearizedRobustness.count)
        model.alignment = model.linearizedRobustness
        return model
    }
}

@Suite("Etmann et al. 2019 claims: preconditions, verdicts and the usable-model rule")
struct CohortClaimsTests {
    @Test("cohort-level claims are untestable unless λ orders the models by robustness",
          arguments: [(medians: [0.5, 0.8, 1.1, 1.6, 2.0, 2.4], ordered: true), (medians: [2.0, 0.5, 1.6, 0.8, 2.4, 1.1], ordered: false)]
            as [(medians: [Double], ordered: Bool)])
    func precondition(medians: [Double], ordered: Bool) throws {
        let models = try syntheticCohort(medians: medians)
        #expect(CohortClaims.orderedByRobustness(models).isMet == ordered)
        let claims = CohortClaims.cohortClaims(models, on: "test", figure: "Fig. 3")
        let alignment = claims.filter { $0.statement.hasPrefix("median alignment") }
        #expect(alignment.count == 4)
        if !ordered {
            #expect(alignment.allSatisfy { $0.verdict == .untestable && $0.reason.contains("precondition fails") })
        } else {
            #expect(alignment.allSatisfy { $0.verdict != .untestable })
            #expect(alignment.last?.verdict == .holds)
        }
        #expect(claims[0].verdict == (ordered ? .holds : .doesNotHold))
    }

    @Test("ρ̃ against CW is untestable when CW is not near-minimal (M[CW] > M[BIM] somewhere)")
    func carliniWagnerMinimality() throws {
        var models = try syntheticCohort(medians: [0.5, 0.8, 1.1, 1.6])
        for index in models.indices { (models[index].iterativeAttack, models[index].carliniWagner) = ([1.0], [0.9]) }
        #expect(CohortClaims.carliniWagnerIsMinimal(models).isMet)
        models[2].carliniWagner = [1.2]
        let minimality = CohortClaims.carliniWagnerIsMinimal(models)
        #expect(!minimality.isMet && minimality.description.contains("3 of 4"))
        let tracks = CohortClaims.cohortClaims(models, on: "test", figure: "Fig. 3").first { $0.source == "paper Fig. 5" }
        #expect(tracks?.verdict == .untestable)
    }

    @Test("usable models are within 5 accuracy points of the best; the budget curve ranks λ against M[ρ̃] per epoch")
    func usableAndBudget() throws {
        let models = try syntheticCohort(medians: [0.5, 0.8, 1.1], accuracies: [0.97, 0.93, 0.66])
        let run = CohortRun(experiment: .mnist(.quick), train: try Dataset<Float>.shipped(.iris), test: try Dataset<Float>.shipped(.iris),
                            all: models, modelFiles: [:], budget: [])
        #expect(run.usable.map(\.accuracy) == [0.97, 0.93] && run.leftOut.map(\.accuracy) == [0.66])
        let points = [(10.0, 1, 0.3), (100, 1, 0.2), (10, 2, 0.2), (100, 2, 0.4), (1000, 2, 0.9)].map {
            CohortBudgetPoint(lambda: $0.0, epoch: $0.1, accuracy: 0.9, medianLinearizedRobustness: $0.2)
        }
        let curve = CohortBudgetPoint.lambdaOrdering(points)
        #expect(curve.map(\.epoch) == [2] && curve[0].spearman == 1)
    }
}

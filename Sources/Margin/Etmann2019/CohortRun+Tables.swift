import Foundation
import NotebookRuntime
import Reproductions

extension CohortRun {
    /// The paper's settings beside this render's, one row per setting (`paper`: the paper's
    /// entries in the order of the rows).
    public func settingsTable(paperColumn: String, paper: [String], profile: Profile, notes: [String]) -> Table {
        var table = Table(columns: ["setting", Table.Column(paperColumn), Table.Column("this render (\(profile))")], notes: notes)
        let lambdas = settings.lambdas.map { String(format: "%g", $0) }.joined(separator: ", ")
        let optimizer = settings.optimizer == .sgd
            ? String(format: "SGD: learning rate %g (×%g every %d epochs), momentum %g, weight decay %g", settings.learningRate,
                     settings.decayFactor, settings.decayEvery, settings.momentum, settings.weightDecay)
            : String(format: "Adam: learning rate %g, constant, no weight decay (SGD at 1e-3 does not train in %d epochs "
                     + "on %d images; at 0.02 and 0.05 the MNIST λ = 180,000 model diverged)",
                     settings.learningRate, settings.epochs, train.count)
        let ours = ["\(settings.lambdas.count): \(lambdas)", "\(train.count)", "\(settings.epochs), \(settings.batchSize)", optimizer,
                    "\(min(settings.metricImages, test.count)) of \(test.count) held out", "\(settings.attackImages)",
                    "\(settings.gradientAttackEpsilons)", "\(settings.iterativeSearchSteps) + \(settings.iterativeSearchSteps)",
                    String(format: "%d × %d, %g", settings.carliniWagnerSearchSteps, settings.carliniWagnerIterations,
                           settings.carliniWagnerLearningRate)]
        let names = ["models (λ)", "training images", "epochs, batch", "optimiser", "images for α, ρ̃, Thm 2/3", "images attacked",
                     "gradient attack epsilons", "L2 BIM: ε search steps (exponential, then bisection)",
                     "CW: constant search steps × iterations, Adam learning rate"]
        for (name, (theirs, mine)) in zip(names, zip(paper, ours)) { table.append([.text(name), .text(theirs), .text(mine)]) }
        return table
    }

    /// One row per model: accuracy, whether it is usable, the medians of α, ρ̃ and the three
    /// attacks, attack failures and times.
    public var cohortTable: Table {
        var table = Table(columns: [Table.Column("λ", format: .automatic), Table.Column("accuracy", format: .percent(1)), "usable",
                                    Table.Column("M[α]", format: .fixed(3)), Table.Column("M[ρ̃]", format: .fixed(3)),
                                    Table.Column("M[gradient]", format: .fixed(3)), Table.Column("M[BIM]", format: .fixed(3)),
                                    Table.Column("M[CW]", format: .fixed(3)), Table.Column("attack failures", format: .fixed(0)),
                                    Table.Column("train s", format: .fixed(0)), Table.Column("evaluate s", format: .fixed(0))],
                          notes: ["Accuracy on all \(test.count) held-out images; attack medians are over the successful attacks "
                                  + "on the first \(settings.attackImages) held-out images; failures count all three attacks.",
                                  usabilityRule.prefix(1).uppercased() + usabilityRule.dropFirst()
                                  + "; the other models are left out of the figures and claims."])
        let usableLambdas = Set(usable.map(\.lambda))
        for model in all {
            let failures = [model.gradientAttack, model.iterativeAttack, model.carliniWagner]
                .reduce(0) { $0 + $1.filter { $0 == nil }.count }
            table.append([.number(model.lambda), .number(model.accuracy), .text(usableLambdas.contains(model.lambda) ? "yes" : "no"),
                          .number(model.medianAlignment), .number(model.medianLinearizedRobustness),
                          .number(CohortModelEvaluation.medianDistance(model.gradientAttack)),
                          .number(CohortModelEvaluation.medianDistance(model.iterativeAttack)),
                          .number(CohortModelEvaluation.medianDistance(model.carliniWagner)), .number(Double(failures)),
                          .number(model.trainingSeconds ?? .nan), .number(model.evaluationSeconds)])
        }
        return table
    }
}

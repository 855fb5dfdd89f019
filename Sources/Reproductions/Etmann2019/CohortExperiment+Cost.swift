extension CohortExperiment {
    /// The seconds this experiment would take on the machine that measured `measured`, the
    /// evaluations of a run of the cheaper `run` with the same network (the quick profile),
    /// scaled by the work each part does:
    /// - training: T_measured / (models × epochs × train images) × (the same product for `self`);
    /// - evaluation, per model: metrics × metric images; gradient attack × attacked images ×
    ///   epsilons; L2 BIM × attacked images × search steps; CW × attacked images × search steps ×
    ///   iterations (an upper estimate: CW stops early when its loss stalls); then × models.
    /// nan when a measured model has no recorded training time.
    public func extrapolatedSeconds(from measured: [CohortModelEvaluation], of run: CohortExperiment)
        -> (training: Double, evaluation: Double) {
        precondition(!measured.isEmpty, "extrapolatedSeconds: nothing measured")
        let (new, old) = (settings, run.settings)
        func ratio(_ a: Int, _ b: Int) -> Double { Double(a) / Double(b) }
        func perModel(_ part: KeyPath<CohortModelEvaluation, Double>) -> Double {
            measured.reduce(0) { $0 + $1[keyPath: part] } / Double(measured.count)
        }
        let trainingSeconds = measured.reduce(0) { $0 + ($1.trainingSeconds ?? .nan) }
        let training = trainingSeconds * ratio(new.lambdas.count * new.epochs * trainImages,
                                               measured.count * old.epochs * run.trainImages)
        let attacked = ratio(new.attackImages, old.attackImages)
        let evaluation = Double(new.lambdas.count) * (
            perModel(\.metricSeconds) * ratio(min(new.metricImages, testImages), min(old.metricImages, run.testImages))
                + perModel(\.gradientAttackSeconds) * attacked * ratio(new.gradientAttackEpsilons, old.gradientAttackEpsilons)
                + perModel(\.iterativeAttackSeconds) * attacked * ratio(new.iterativeSearchSteps, old.iterativeSearchSteps)
                + perModel(\.carliniWagnerSeconds) * attacked
                * ratio(new.carliniWagnerSearchSteps * new.carliniWagnerIterations, old.carliniWagnerSearchSteps * old.carliniWagnerIterations))
        return (training, evaluation)
    }
}

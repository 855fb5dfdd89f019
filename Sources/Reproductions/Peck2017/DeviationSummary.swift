/// Deviations of attack perturbations from a lower bound, and how often the bound was beaten.
public struct DeviationSummary: Codable, Sendable {
    /// ||q||_2 - bound for every input the attack turned adversarial.
    public var deviations: [Double]
    /// Inputs whose perturbation was shorter than the bound (a bug if ever nonzero for a sound bound).
    public var violations: Int
    /// Inputs the attack could not turn adversarial within its largest step.
    public var failures: Int

    public init(deviations: [Double] = [], violations: Int = 0, failures: Int = 0) {
        (self.deviations, self.violations, self.failures) = (deviations, violations, failures)
    }

    /// Both summaries' inputs together.
    public static func + (a: DeviationSummary, b: DeviationSummary) -> DeviationSummary {
        DeviationSummary(deviations: a.deviations + b.deviations, violations: a.violations + b.violations,
                         failures: a.failures + b.failures)
    }

    public var mean: Double { deviations.reduce(0, +) / Double(max(deviations.count, 1)) }
    public var median: Double {
        let sorted = deviations.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
    /// Sample standard deviation (divide by n - 1, as R's sd()).
    public var standardDeviation: Double {
        let m = mean
        return (deviations.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(max(deviations.count - 1, 1))).squareRoot()
    }
}

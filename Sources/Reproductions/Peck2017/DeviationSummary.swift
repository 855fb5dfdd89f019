/// Attack perturbations against a lower bound, input by input, and how often the bound was
/// beaten: the deviation ‖q‖₂ − bound (thesis Tables 3.1, 4.2, 4.3) and the ratio ‖q‖₂ / bound
/// (how many times the bound the attack needed: 1 is a tight bound, large is a loose one).
public struct DeviationSummary: Codable, Sendable {
    /// ‖q‖₂ − bound for every input the attack turned adversarial.
    public var deviations: [Double]
    /// ‖q‖₂ / bound for the same inputs (infinite where the bound is 0).
    public var ratios: [Double]
    /// Inputs whose perturbation was shorter than the bound (a bug if ever nonzero for a sound bound).
    public var violations: Int
    /// Inputs the attack could not turn adversarial within its largest step.
    public var failures: Int

    public init(deviations: [Double] = [], ratios: [Double] = [], violations: Int = 0, failures: Int = 0) {
        (self.deviations, self.ratios, self.violations, self.failures) = (deviations, ratios, violations, failures)
    }

    /// Records an input the attack turned adversarial with a perturbation of norm `distance`
    /// against `bound`; a violation when distance < bound − `tolerance`.
    public mutating func record(distance: Double, bound: Double, tolerance: Double = 1e-9) {
        deviations.append(distance - bound)
        ratios.append(distance / bound)
        if distance < bound - tolerance { violations += 1 }
    }

    /// Both summaries' inputs together.
    public static func + (a: DeviationSummary, b: DeviationSummary) -> DeviationSummary {
        DeviationSummary(deviations: a.deviations + b.deviations, ratios: a.ratios + b.ratios,
                         violations: a.violations + b.violations, failures: a.failures + b.failures)
    }

    public var mean: Double { deviations.reduce(0, +) / Double(max(deviations.count, 1)) }
    public var median: Double { Correlation.median(deviations) }
    /// The median of ‖q‖₂ / bound.
    public var medianRatio: Double { Correlation.median(ratios) }
    /// Sample standard deviation (divide by n - 1, as R's sd()).
    public var standardDeviation: Double {
        let m = mean
        return (deviations.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(max(deviations.count - 1, 1))).squareRoot()
    }
}

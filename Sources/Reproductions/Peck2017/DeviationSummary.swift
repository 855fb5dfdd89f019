import TensorModule

/// Attack perturbations against a lower bound, input by input, and how often the bound was
/// beaten: the deviation ‖q‖₂ − bound (thesis Tables 3.1, 4.2, 4.3) and the ratio ‖q‖₂ / bound
/// (how many times the bound the attack needed: 1 is a tight bound, large a loose one).
public struct DeviationSummary: Codable, Sendable {
    /// ‖q‖₂ of every input the attack turned adversarial.
    public var distances: [Double]
    /// The bound at the same inputs.
    public var bounds: [Double]
    /// Inputs whose perturbation was shorter than the bound (a bug if ever nonzero for a sound bound).
    public var violations: Int
    /// Inputs the attack could not turn adversarial within its largest step.
    public var failures: Int

    public init(distances: [Double] = [], bounds: [Double] = [], violations: Int = 0, failures: Int = 0) {
        precondition(distances.count == bounds.count, "\(distances.count) distances against \(bounds.count) bounds")
        (self.distances, self.bounds, self.violations, self.failures) = (distances, bounds, violations, failures)
    }

    /// Records an input the attack turned adversarial with a perturbation of norm `distance`
    /// against `bound`; a violation when distance < bound − `tolerance`.
    public mutating func record(distance: Double, bound: Double, tolerance: Double = 1e-9) {
        distances.append(distance)
        bounds.append(bound)
        if distance < bound - tolerance { violations += 1 }
    }

    /// Both summaries' inputs together.
    public static func + (a: DeviationSummary, b: DeviationSummary) -> DeviationSummary {
        DeviationSummary(distances: a.distances + b.distances, bounds: a.bounds + b.bounds,
                         violations: a.violations + b.violations, failures: a.failures + b.failures)
    }

    /// ‖q‖₂ − bound, input by input.
    public var deviations: [Double] { zip(distances, bounds).map { $0 - $1 } }
    /// ‖q‖₂ / bound, input by input (infinite where the bound is 0).
    public var ratios: [Double] { zip(distances, bounds).map { $0 / $1 } }

    public var mean: Double { Self.mean(deviations) }
    public var median: Double { deviations.median() }
    /// The median of ‖q‖₂ / bound.
    public var medianRatio: Double { ratios.median() }
    /// Sample standard deviation of the deviations (divide by n - 1, as R's sd()).
    public var standardDeviation: Double {
        let (values, m) = (deviations, mean)
        return (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(max(values.count - 1, 1))).squareRoot()
    }

    /// The mean of `values` (0 when empty).
    public static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(values.count, 1)) }
}

import Foundation
import TensorModule

/// Min, max, mean, median and standard deviation of the FGS steps epsilon (Peck et al. 2017,
/// Tables 5.2 and 5.3); the standard deviation is the sample one (n - 1), as R's `sd`.
public struct EpsilonStatistics: Codable, Sendable, Hashable {
    public var minimum: Double
    public var maximum: Double
    public var mean: Double
    public var median: Double
    public var standardDeviation: Double

    public init(minimum: Double, maximum: Double, mean: Double, median: Double, standardDeviation: Double) {
        (self.minimum, self.maximum, self.mean, self.median, self.standardDeviation) = (minimum, maximum, mean, median, standardDeviation)
    }

    /// The statistics of `values` (NaN for all five when empty).
    public init(of values: [Double]) {
        guard !values.isEmpty else {
            self.init(minimum: .nan, maximum: .nan, mean: .nan, median: .nan, standardDeviation: .nan)
            return
        }
        let sorted = values.sorted()
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.count > 1 ? values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1) : 0
        self.init(minimum: sorted.first!, maximum: sorted.last!, mean: mean, median: values.median(),
                  standardDeviation: variance.squareRoot())
    }
}

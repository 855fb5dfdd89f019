/// Tukey's box-plot summary of a sample: quartiles by linear interpolation between order
/// statistics (Hyndman & Fan type 7, numpy's and R's default), whiskers at the most extreme
/// observations within 1.5 IQR of the box, and the observations beyond them as outliers.
public struct BoxStatistics: Sendable, Equatable {
    public let lowerQuartile: Double, median: Double, upperQuartile: Double
    public let lowerWhisker: Double, upperWhisker: Double
    public let outliers: [Double]

    public init?(_ sample: [Double]) {
        let sorted = sample.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        func quantile(_ p: Double) -> Double {
            let position = p * Double(sorted.count - 1)
            let below = Int(position.rounded(.down))
            let above = min(below + 1, sorted.count - 1)
            return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
        }
        let (q1, q3) = (quantile(0.25), quantile(0.75))
        let (fenceLow, fenceHigh) = (q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1))
        let inside = sorted.filter { $0 >= fenceLow && $0 <= fenceHigh }
        lowerQuartile = q1
        median = quantile(0.5)
        upperQuartile = q3
        lowerWhisker = inside.first ?? q1
        upperWhisker = inside.last ?? q3
        outliers = sorted.filter { $0 < fenceLow || $0 > fenceHigh }
    }
}

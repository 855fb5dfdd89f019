import Foundation

/// A trained scale: a data domain mapped onto a pixel range, with its ticks and labels.
public struct Scale: Sendable {
    public let kind: ScaleKind
    /// The data interval shown (for categorical: -0.5 ... count - 0.5, category i at i).
    public let domain: (lower: Double, upper: Double)
    public let ticks: [Double]
    public let labels: [String]
    /// Unlabelled minor ticks (log scales: 2·10ᵏ ... 9·10ᵏ), in the transformed space.
    public let minorTicks: [Double]

    /// Trains a scale on data values (category indices for categorical scales): the domain
    /// is the data range padded by 4% on each side (linear and log; none with explicit
    /// `limits`), or one slot per category. Linear ticks are the extended-Wilkinson labelling
    /// of the padded domain (as ggplot2 labels its expanded range) that falls inside it.
    /// - Parameters:
    ///   - includeZero: widen the range to take in zero (bars, areas); default false.
    ///   - limits: the shown range instead of the data's; default nil.
    ///   - targetTicks: about how many labelled ticks; default 5.
    public init(kind: ScaleKind, values: [Double], includeZero: Bool = false, limits: (Double, Double)? = nil,
                targetTicks: Int = 5) throws {
        self.kind = kind
        switch kind {
        case let .categorical(names):
            domain = (-0.5, Double(names.count) - 0.5)
            ticks = names.indices.map(Double.init)
            labels = names
            minorTicks = []
        case .linear:
            var low = limits?.0 ?? values.min() ?? 0
            var high = limits?.1 ?? values.max() ?? 1
            if includeZero { (low, high) = (min(low, 0), max(high, 0)) }
            if high - low < 1e-12 * max(Swift.abs(low), 1) { (low, high) = (low - 0.5, high + 0.5) }
            let padding = limits == nil ? 0.04 * (high - low) : 0
            let lower = includeZero && low == 0 ? 0 : low - padding, upper = high + padding
            let slack = 1e-9 * (upper - lower)
            let inside = { (tick: Double) in tick >= lower - slack && tick <= upper + slack }
            var shown = ExtendedTicks.ticks(dataMin: lower, dataMax: upper, targetCount: targetTicks).filter(inside)
            if shown.count < 2 {
                shown = ExtendedTicks.ticks(dataMin: low, dataMax: high, targetCount: targetTicks).filter(inside)
            }
            domain = (lower, upper)
            ticks = shown
            labels = TickLabels.linear(shown)
            minorTicks = []
        case .log10:
            let positives = values.filter { $0 > 0 }
            guard positives.count == values.count else {
                throw PlotError.nonPositiveOnLogScale(count: values.count - positives.count)
            }
            let low = Foundation.log10(limits?.0 ?? positives.min() ?? 1)
            let high = Foundation.log10(limits?.1 ?? positives.max() ?? 10)
            let padding = limits == nil ? 0.04 * max(high - low, 0.5) : 0
            let lower = low - padding, upper = high + padding
            let decades = Array(Int(ceil(lower))...max(Int(floor(upper)), Int(ceil(lower))))
                .map { Double($0) }.filter { $0 >= lower && $0 <= upper }
            let stride = max(1, Int(ceil(Double(decades.count) / 6)))
            var chosen = decades.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
            if chosen.count < 2 {
                chosen = (Int(floor(lower))...Int(ceil(upper))).flatMap { decade in
                    [1.0, 2, 5].map { Foundation.log10($0) + Double(decade) }
                }.filter { $0 >= lower && $0 <= upper }
            }
            domain = (lower, upper)
            ticks = chosen
            labels = chosen.map { TickLabels.logarithmic(pow(10, $0)) }
            let multiples: [Double] = upper - lower > 8 ? [1] : [1, 2, 3, 4, 5, 6, 7, 8, 9]
            var minor: [Double] = []
            for decade in Int(floor(lower))...Int(ceil(upper)) {
                for multiple in multiples {
                    let tick = Foundation.log10(multiple) + Double(decade)
                    let labelled = chosen.contains { Swift.abs($0 - tick) < 1e-9 }
                    if tick >= lower, tick <= upper, !labelled { minor.append(tick) }
                }
            }
            minorTicks = minor
        }
    }

    /// The position of `value` within [0, 1] of the axis (log scales take the data value).
    public func fraction(_ value: Double) -> Double {
        let transformed = kind == .log10 ? Foundation.log10(value) : value
        return (transformed - domain.lower) / (domain.upper - domain.lower)
    }

    /// The position of a tick (already in the scale's transformed space) within [0, 1].
    func tickFraction(_ tick: Double) -> Double {
        (tick - domain.lower) / (domain.upper - domain.lower)
    }
}

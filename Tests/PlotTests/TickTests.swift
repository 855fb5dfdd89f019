import Plot
import Testing

@Suite("Ticks and labels")
struct TickTests {
    /// The example documented with R's labeling::extended (Talbot's reference implementation,
    /// package labeling 0.4.3: `extended(8.1, 14.1, 4)  # 8 10 12 14`); the breaks ggplot2
    /// (which calls `labeling::extended(min, max, m = 5)`) draws for mtcars' `wt`
    /// (1.513 ... 5.424) and `mpg` (10.4 ... 33.9); and ranges whose best labelling is the
    /// range itself in nice steps.
    static let knownTicks: [(Double, Double, Int, [Double])] = [
        (8.1, 14.1, 4, [8, 10, 12, 14]),
        (1.513, 5.424, 5, [2, 3, 4, 5]),
        (10.4, 33.9, 5, [10, 15, 20, 25, 30, 35]),
        (0, 100, 5, [0, 25, 50, 75, 100]),
        (0, 1, 5, [0, 0.25, 0.5, 0.75, 1]),
        (-1, 1, 5, [-1, -0.5, 0, 0.5, 1]),
    ]

    @Test("extended Wilkinson ticks", arguments: knownTicks)
    func extended(_ input: (Double, Double, Int, [Double])) {
        #expect(ExtendedTicks.ticks(dataMin: input.0, dataMax: input.1, targetCount: input.2) == input.3)
    }

    @Test("ticks are evenly spaced nice numbers near the data", arguments: [(3.7, 91.2), (-5.2, 9.7), (1e-6, 3e-5), (1234, 98765)])
    func niceSteps(_ range: (Double, Double)) {
        let ticks = ExtendedTicks.ticks(dataMin: range.0, dataMax: range.1)
        #expect(ticks.count >= 3 && ticks.count <= 8)
        let step = ticks[1] - ticks[0]
        let mantissa = step / pow(10, (log10(step)).rounded(.down))
        #expect([1, 2, 2.5, 3, 4, 5].contains { abs($0 - mantissa) < 1e-6 }, "step \(step)")
        #expect(ticks.first! <= range.0 + step && ticks.last! >= range.1 - step)
    }

    @Test("readable labels", arguments: [
        ([0.0, 0.25, 0.5], ["0.00", "0.25", "0.50"]), ([0, 20, 40], ["0", "20", "40"]),
        ([-1, 0, 1], ["−1", "0", "1"]), ([0, 0.00001, 0.00002], ["0", "1e-5", "2e-5"]),
        ([0, 200_000, 400_000], ["0", "2e5", "4e5"]),
    ] as [([Double], [String])])
    func linearLabels(_ pair: ([Double], [String])) {
        #expect(TickLabels.linear(pair.0) == pair.1)
    }

    @Test("powers of ten with superscripts")
    func logLabels() {
        #expect(TickLabels.logarithmic(1000) == "10³")
        #expect(TickLabels.logarithmic(1e-5) == "10⁻⁵")
        #expect(TickLabels.logarithmic(1) == "10⁰")
    }
}

private func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
private func log10(_ x: Double) -> Double { Foundation.log10(x) }
import Foundation

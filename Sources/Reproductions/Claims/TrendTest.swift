import Foundation
import TensorModule

/// A one-sided test that `y` rises (or falls) with `x` across models: Spearman's rank
/// correlation ρ_s with a permutation p-value, P(ρ_s of a random pairing ≥ observed) for a
/// rising trend (≤ for a falling one).
///
/// The null distribution is enumerated exactly for up to `exactLimit` models (8! = 40,320
/// pairings) and sampled with a fixed seed beyond, where p = (1 + #{ρ_s ≥ observed}) / (1 + N).
/// With n models the smallest p an exact test can return is 1/n!, so 3 models can never reach
/// p < 0.05: `canReachSignificance` says so, and a claim then is untestable, not refuted.
public struct TrendTest: Codable, Sendable, Equatable {
    /// The direction a claim asserts.
    public enum Direction: String, Codable, Sendable {
        case increasing, decreasing

        /// "rising" or "falling".
        public var word: String { self == .increasing ? "rising" : "falling" }
    }

    /// Models up to which the permutation distribution is enumerated exactly.
    public static let exactLimit = 8

    /// The asserted direction.
    public var direction: Direction
    /// Spearman's ρ_s of the pairs (nan for fewer than two models or a constant side).
    public var spearman: Double
    /// The one-sided permutation p-value.
    public var pValue: Double
    /// The number of models (pairs).
    public var count: Int
    /// The level below which p counts as significant.
    public var significance: Double
    /// The smallest p-value this test could return for `count` models.
    public var smallestPossiblePValue: Double

    /// Tests whether `y` moves with `x` in `direction`.
    ///
    /// - Parameters:
    ///   - significance: the one-sided level, 0.05 by default.
    ///   - permutations: sampled pairings when there are more than `exactLimit` models (20,000).
    ///   - seed: the sampler's seed (fixed, so a render's p-value is reproducible).
    public init(x: [Double], y: [Double], direction: Direction, significance: Double = 0.05,
                permutations: Int = 20_000, seed: UInt64 = 1) {
        precondition(x.count == y.count, "TrendTest: \(x.count) x values against \(y.count) y values")
        self.direction = direction
        self.count = x.count
        self.significance = significance
        let observed = Correlation.spearman(x, y)
        self.spearman = observed
        guard x.count >= 2, observed.isFinite else {
            pValue = 1
            smallestPossiblePValue = 1
            return
        }
        let (rankX, rankY) = (Correlation.ranks(x), Correlation.ranks(y))
        let sign = direction == .increasing ? 1.0 : -1.0
        let threshold = sign * observed - 1e-12
        let pairings = TrendTest.factorial(x.count)
        if x.count <= TrendTest.exactLimit {
            var atLeast = 0
            TrendTest.forEachPermutation(of: rankY) { permuted in
                if sign * Correlation.pearson(rankX, permuted) >= threshold { atLeast += 1 }
            }
            pValue = Double(atLeast) / pairings
            smallestPossiblePValue = 1 / pairings
        } else {
            var generator = SeededGenerator(seed: seed)
            var permuted = rankY
            var atLeast = 0
            for _ in 0..<permutations {
                permuted.shuffle(using: &generator)
                if sign * Correlation.pearson(rankX, permuted) >= threshold { atLeast += 1 }
            }
            pValue = Double(1 + atLeast) / Double(1 + permutations)
            smallestPossiblePValue = max(1 / pairings, 1 / Double(1 + permutations))
        }
    }

    /// Whether `count` models could give p < `significance` at all.
    public var canReachSignificance: Bool { smallestPossiblePValue < significance }

    /// Whether ρ_s has the asserted sign and p < `significance`.
    public var isSignificantInClaimedDirection: Bool {
        let signed = direction == .increasing ? spearman : -spearman
        return signed > 0 && pValue < significance
    }

    /// "Spearman 0.83 (n = 6, one-sided p = 0.014)".
    public var summary: String {
        String(format: "Spearman %.2f (n = %d, one-sided p = %@)", spearman, count, TrendTest.format(pValue))
    }

    /// A p-value with two significant digits, or "< 0.001".
    public static func format(_ p: Double) -> String {
        p < 0.001 ? "< 0.001" : String(format: "%.2g", p)
    }

    private static func factorial(_ n: Int) -> Double { (1...max(n, 1)).reduce(1.0) { $0 * Double($1) } }

    /// Calls `body` with every ordering of `values` (Heap's algorithm).
    private static func forEachPermutation(of values: [Double], _ body: ([Double]) -> Void) {
        var values = values
        var counters = [Int](repeating: 0, count: values.count)
        body(values)
        var index = 1
        while index < values.count {
            if counters[index] < index {
                values.swapAt(index.isMultiple(of: 2) ? 0 : counters[index], index)
                body(values)
                counters[index] += 1
                index = 1
            } else {
                counters[index] = 0
                index += 1
            }
        }
    }
}

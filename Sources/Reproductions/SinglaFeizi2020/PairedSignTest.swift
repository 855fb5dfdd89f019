/// A one-sided sign test that one certificate exceeds another on the same images: with w
/// images where the first is larger and l where it is smaller (ties dropped, n = w + l), the
/// p-value is P(Binomial(n, 1/2) >= w) = Σ_{k=w}^{n} C(n, k) / 2^n.
///
/// Used for Table 5b's and Table 15's "CRC outperforms CROWN", compared image by image; with n
/// images the smallest p is 2^-n, so fewer than 5 images can never reach p < 0.05.
public struct PairedSignTest: Sendable, Hashable, Codable {
    /// Images where the first value is larger, and where it is smaller.
    public var wins: Int, losses: Int
    /// P(Binomial(wins + losses, 1/2) >= wins); 1 when there are no untied pairs.
    public var pValue: Double
    /// The level below which p counts as significant.
    public var significance: Double

    /// Compares `first[i]` with `second[i]` for every i of the shorter array.
    public init(_ first: [Double], _ second: [Double], significance: Double = 0.05) {
        let pairs = zip(first, second)
        wins = pairs.filter { $0 > $1 }.count
        losses = pairs.filter { $0 < $1 }.count
        self.significance = significance
        let n = wins + losses
        var tail = 0.0, term = PairedSignTest.halfToThe(n)
        for k in 0...n {
            if k >= wins { tail += term }
            term = term * Double(n - k) / Double(k + 1)
        }
        pValue = min(tail, 1)
    }

    /// Whether n untied pairs could give p < `significance` at all (2^-n < significance).
    public var canReachSignificance: Bool { PairedSignTest.halfToThe(wins + losses) < significance }

    /// Whether the first value is larger on significantly more images.
    public var isSignificant: Bool { pValue < significance }

    /// 2^-n, the probability of one particular sequence of n fair signs.
    private static func halfToThe(_ n: Int) -> Double { Double(sign: .plus, exponent: -n, significand: 1) }

    /// "148 of 150".
    public var summary: String { "\(wins) of \(wins + losses)" }
}

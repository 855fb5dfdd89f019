import Reproductions
import Testing

@Suite("Singla & Feizi 2020: the paired sign test behind \"CRC outperforms CROWN\"")
struct PairedSignTestTests {
    @Test("p is the binomial tail P(Bin(n, 1/2) >= wins), ties dropped", arguments: [
        ([3.0, 3, 3, 3, 3], [1.0, 1, 1, 1, 1], 5, 0, 1.0 / 32),
        ([3.0, 3, 3, 1, 2], [1.0, 1, 1, 2, 2], 3, 1, 5.0 / 16),
        ([1.0, 1], [2.0, 2], 0, 2, 1.0),
    ])
    func tail(first: [Double], second: [Double], wins: Int, losses: Int, p: Double) {
        let test = PairedSignTest(first, second)
        #expect(test.wins == wins && test.losses == losses)
        #expect(abs(test.pValue - p) < 1e-12, "p = \(test.pValue)")
    }

    @Test("four images can never reach p < 0.05, five can; 150 wins of 150 give p = 2^-150")
    func significanceReach() {
        #expect(!PairedSignTest([2, 2, 2, 2], [1, 1, 1, 1]).canReachSignificance)
        #expect(PairedSignTest([2, 2, 2, 2, 2], [1, 1, 1, 1, 1]).isSignificant)
        let large = PairedSignTest([Double](repeating: 2, count: 150), [Double](repeating: 1, count: 150))
        #expect(abs(large.pValue / Double(sign: .plus, exponent: -150, significand: 1) - 1) < 1e-9)
    }
}

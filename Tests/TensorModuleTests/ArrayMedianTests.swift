import TensorModule
import Testing

@Suite("Median of an array of Double")
struct ArrayMedianTests {
    @Test("the middle value for an odd count, the mean of the middle two for an even count", arguments: [
        ([3, 1, 2], 2),
        ([4, 1, 3, 2], 2.5),
        ([7], 7),
        ([-1, 5], 2),
        ([2, 2, 1, 9, 2, 0], 2),
    ] as [([Double], Double)])
    func median(values: [Double], expected: Double) {
        #expect(values.median() == expected)
    }

    @Test("empty: nan")
    func empty() {
        #expect([Double]().median().isNaN)
    }
}

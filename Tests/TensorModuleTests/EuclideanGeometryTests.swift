import TensorModule
import Testing

@Suite("Euclidean geometry of plain rows")
struct EuclideanGeometryTests {
    @Test("dot, squared norm, norm and distance of small exact cases", arguments: [
        ([3, 4], [1, 0], 3, 25, 5, 20.0.squareRoot()),
        ([1, 2, 2], [2, -1, 0], 0, 9, 3, 14.0.squareRoot()),
        ([], [], 0, 0, 0, 0),
        ([-1.5], [0.5], -0.75, 2.25, 1.5, 2),
    ] as [([Double], [Double], Double, Double, Double, Double)])
    func exactCases(a: [Double], b: [Double], dot: Double, squaredNorm: Double, norm: Double, distance: Double) {
        #expect(a.dot(b) == dot)
        #expect(a.squaredNorm == squaredNorm)
        #expect(a.euclideanNorm == norm)
        #expect(a.euclideanDistance(to: b) == distance)
        #expect(a[...].euclideanNorm == norm, "slices give the same as arrays")
    }

    @Test("the norm is the square root of the dot product with itself, bit for bit")
    func normMatchesDot() {
        var generator = SeededGenerator(seed: 3)
        let row = Tensor<Double>.randomNormal(shape: [1000], using: &generator).scalars
        #expect(row.euclideanNorm == row.dot(row).squareRoot())
        #expect(row.euclideanDistance(to: [Double](repeating: 0, count: 1000)) == row.euclideanNorm)
    }

    @Test("row norms of a batch are the norms of its rows, every axis after the first in a row")
    func rowNorms() {
        let batch = Tensor<Float>(shape: [3, 2, 2], scalars: [3, 0, 0, 4, 1, 1, 1, 1, 0, 0, 0, 0])
        #expect(batch.rowNorms() == [5, 2, 0])
        var generator = SeededGenerator(seed: 5)
        let random = Tensor<Double>.randomNormal(shape: [4, 7], using: &generator)
        #expect(random.rowNorms() == (0..<4).map { Array(random.scalars[($0 * 7)..<($0 * 7 + 7)]).euclideanNorm })
    }
}

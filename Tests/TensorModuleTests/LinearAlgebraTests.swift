import TensorModule
import Testing

@Suite("LAPACK eigenvalues, singular values and Cholesky (dsyevd, dgesvd, dpotrf)")
struct LinearAlgebraTests {
    @Test("symmetric eigenvalues of small matrices with known spectra, ascending", arguments: [
        ([2, 1, 1, 2], [1, 3]),
        ([4, 0, 0, 0, -1, 0, 0, 0, 2], [-1, 2, 4]),
        ([2, -1, 0, -1, 2, -1, 0, -1, 2], [2 - 2.0.squareRoot(), 2, 2 + 2.0.squareRoot()]),
        ([5], [5]),
    ] as [([Double], [Double])])
    func knownSpectra(entries: [Double], expected: [Double]) throws {
        let n = expected.count
        let values = try Tensor(shape: [n, n], scalars: entries).symmetricEigenvalues()
        #expect(values.count == n)
        for (value, exact) in zip(values, expected) { #expect(abs(value - exact) < 1e-13, "\(values) against \(expected)") }
    }

    @Test("A V = V diag(lambda) with orthonormal V on random symmetric matrices", arguments: [1, 7, 60])
    func decomposition(size: Int) throws {
        var generator = SeededGenerator(seed: UInt64(size))
        let b = Tensor<Double>.randomNormal(shape: [size, size], using: &generator)
        let a = b + b.transposed
        let decomposition = try SymmetricEigendecomposition(a)
        let v = try #require(decomposition.vectors)
        let scaled = Tensor(shape: [size, size], scalars: (0..<(size * size)).map { v.scalars[$0] * decomposition.values[$0 % size] })
        #expect((a.matmul(v) - scaled).l2Norm() < 1e-12 * a.l2Norm())
        var identity = Tensor<Double>(repeating: 0, shape: [size, size])
        for k in 0..<size { identity.scalars[k * size + k] = 1 }
        #expect((v.matmul(v, transposeSelf: true) - identity).l2Norm() < 1e-12)
        #expect(zip(decomposition.values, decomposition.values.dropFirst()).allSatisfy { $0 <= $1 })
        for (full, alone) in zip(decomposition.values, try a.symmetricEigenvalues()) {
            #expect(abs(full - alone) < 1e-12 * a.l2Norm(), "values alone (dsterf) agree with the full decomposition (dstedc)")
        }
    }

    @Test("singular values of small matrices with known values, descending, either orientation", arguments: [
        ([3, 0, 4, 5], [2, 2], [Double(45).squareRoot(), Double(5).squareRoot()]),
        ([1, 0, 0, 0, 2, 0], [2, 3], [2, 1]),
        ([1, 2, 2], [1, 3], [3]),
    ] as [([Double], [Int], [Double])])
    func knownSingularValues(entries: [Double], shape: [Int], expected: [Double]) throws {
        let matrix = Tensor(shape: shape, scalars: entries)
        for values in [try matrix.singularValues(), try matrix.transposed.singularValues()] {
            #expect(values.count == expected.count)
            for (value, exact) in zip(values, expected) { #expect(abs(value - exact) < 1e-13, "\(values) against \(expected)") }
        }
    }

    @Test("squared singular values are the eigenvalues of A^T A on a random rectangular matrix")
    func singularValuesMatchGram() throws {
        var generator = SeededGenerator(seed: 9)
        let a = Tensor<Double>.randomNormal(shape: [40, 25], using: &generator)
        let squares = try a.singularValues().map { $0 * $0 }
        let eigenvalues = try a.matmul(a, transposeSelf: true).symmetricEigenvalues().reversed()
        for (square, eigenvalue) in zip(squares, eigenvalues) { #expect(abs(square - eigenvalue) < 1e-11 * squares[0]) }
    }

    @Test("Cholesky: R^T R = A with R upper triangular, nil for a matrix that is not positive definite", arguments: [
        ([4, 2, 2, 3], [2, 1, 0, 2.squareRoot()] as [Double]?),
        ([1, 2, 2, 1], nil),
        ([0, 0, 0, 1], nil),
    ] as [([Double], [Double]?)])
    func cholesky(entries: [Double], expected: [Double]?) throws {
        let factor = try Tensor(shape: [2, 2], scalars: entries).choleskyFactor()
        #expect(factor?.scalars.count == expected?.count)
        for (value, exact) in zip(factor?.scalars ?? [], expected ?? []) { #expect(abs(value - exact) < 1e-15) }
    }

    @Test("Cholesky of a random positive definite matrix reproduces it")
    func choleskyReproduces() throws {
        var generator = SeededGenerator(seed: 11)
        let b = Tensor<Double>.randomNormal(shape: [30, 30], using: &generator)
        let a = b.matmul(b, transposeSelf: true)
        let factor = try #require(try a.choleskyFactor())
        #expect((factor.matmul(factor, transposeSelf: true) - a).l2Norm() < 1e-12 * a.l2Norm())
        #expect((0..<30).allSatisfy { row in (0..<row).allSatisfy { factor.scalars[row * 30 + $0] == 0 } })
    }

    @Test("a matrix that is not square, or not finite, is refused with the reason", arguments: [
        (Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]), LinearAlgebraError.shape(expected: "a square matrix", got: [2, 3])),
        (Tensor<Double>(shape: [2, 2], scalars: [1, .nan, .nan, 1]), .notFinite),
    ])
    func refused(matrix: Tensor<Double>, error: LinearAlgebraError) {
        #expect(throws: error) { try matrix.symmetricEigenvalues() }
        if error == .notFinite { #expect(throws: error) { try matrix.singularValues() } }
    }
}

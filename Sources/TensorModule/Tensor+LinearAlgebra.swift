import CBLAS

extension Tensor where Scalar == Double {
    /// The eigenvalues of this symmetric matrix [n, n] in ascending order (LAPACK `dsyevd`, see
    /// `SymmetricEigendecomposition`); only the entries on and above the diagonal are read.
    public func symmetricEigenvalues() throws(LinearAlgebraError) -> [Double] {
        try SymmetricEigendecomposition(self, vectors: false).values
    }

    /// The singular values sigma_1 >= ... >= sigma_min(m, n) of this matrix [m, n] by LAPACK's
    /// `dgesvd` in Double; sigma_1 = ||A||_2. Each is within p(m, n) eps sigma_1 of the true
    /// one, eps = 2^-53 (LAPACK Users' Guide, Sec. 4.9).
    public func singularValues() throws(LinearAlgebraError) -> [Double] {
        guard rank == 2 else { throw .shape(expected: "a matrix", got: shape) }
        guard scalars.allSatisfy(\.isFinite) else { throw .notFinite }
        guard shape[0] > 0, shape[1] > 0 else { return [] }
        // Row-major A [m, n] is column-major A^T [n, m], which has the same singular values.
        var (rows, columns) = (Int32(shape[1]), Int32(shape[0]))
        var a = scalars
        var values = [Double](repeating: 0, count: Int(Swift.min(rows, columns)))
        var none: CChar = 78 // "N": no singular vectors
        var lda = rows, noLeft = 0.0, noRight = 0.0, one: Int32 = 1, info: Int32 = 0
        var workSize = 0.0, query: Int32 = -1
        dgesvd_(&none, &none, &rows, &columns, &a, &lda, &values, &noLeft, &one, &noRight, &one, &workSize, &query, &info, 1, 1)
        guard info == 0 else { throw .lapack(routine: "dgesvd", info: Int(info)) }
        var lwork = Int32(workSize)
        var work = [Double](repeating: 0, count: Int(lwork))
        dgesvd_(&none, &none, &rows, &columns, &a, &lda, &values, &noLeft, &one, &noRight, &one, &work, &lwork, &info, 1, 1)
        guard info == 0 else { throw .lapack(routine: "dgesvd", info: Int(info)) }
        return values
    }
}

extension Tensor where Scalar == Double {
    /// The Cholesky factor R (upper triangular, A = R^T R) of this symmetric matrix [n, n] by
    /// LAPACK's `dpotrf` in Double, or nil when A is not (numerically) positive definite; only
    /// the entries on and above the diagonal are read. The computed R is the exact factor of a
    /// matrix A + E with |E| <= gamma_(n+1) |R^T| |R| elementwise, gamma_k = k u / (1 - k u),
    /// u = 2^-53 (Higham 2002, Thm 10.3).
    public func choleskyFactor() throws(LinearAlgebraError) -> Tensor<Double>? {
        guard rank == 2, shape[0] == shape[1] else { throw .shape(expected: "a square matrix", got: shape) }
        guard scalars.allSatisfy(\.isFinite) else { throw .notFinite }
        var n = Int32(shape[0])
        guard n > 0 else { return self }
        // Column-major "L" is our upper triangle; its lower factor L (A = L L^T) is our R^T, i.e. R row-major.
        var a = scalars, lda = n, info: Int32 = 0
        var triangle: CChar = 76 // "L"
        dpotrf_(&triangle, &n, &a, &lda, &info, 1)
        guard info >= 0 else { throw .lapack(routine: "dpotrf", info: Int(info)) }
        guard info == 0 else { return nil }
        let size = Int(n)
        for row in 0..<size { for column in 0..<row { a[row * size + column] = 0 } }
        return Tensor(shape: shape, scalars: a)
    }
}

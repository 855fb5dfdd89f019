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

import CBLAS

/// The eigen-decomposition A = V diag(lambda) V^T of a real symmetric matrix, by LAPACK's
/// divide-and-conquer `dsyevd` in Double (OpenBLAS). Like `numpy.linalg.eigh`: eigenvalues in
/// ascending order, column k of V the unit eigenvector of eigenvalue k.
///
/// Accuracy (LAPACK Users' Guide, Sec. 4.7): the computed eigenvalues are the exact ones of
/// A + E with ||E||_2 <= p(n) eps ||A||_2, eps = 2^-53 and p(n) a modestly growing function
/// of n, so each is within p(n) eps ||A||_2 of the true one (Weyl).
public struct SymmetricEigendecomposition: Sendable {
    /// lambda_1 <= ... <= lambda_n.
    public let values: [Double]
    /// V [n, n], orthogonal, column k belonging to `values[k]`; nil when only the values were asked for.
    public let vectors: Tensor<Double>?

    /// Decomposes the symmetric `matrix` [n, n]; only its entries on and above the diagonal are read.
    ///
    /// - Parameter vectors: also compute the eigenvectors; default true (values alone cost
    ///   about a third).
    public init(_ matrix: Tensor<Double>, vectors: Bool = true) throws(LinearAlgebraError) {
        guard matrix.rank == 2, matrix.shape[0] == matrix.shape[1] else {
            throw .shape(expected: "a square matrix", got: matrix.shape)
        }
        guard matrix.scalars.allSatisfy(\.isFinite) else { throw .notFinite }
        var n = Int32(matrix.shape[0])
        guard n > 0 else {
            (self.values, self.vectors) = ([], vectors ? matrix : nil)
            return
        }
        // Row-major storage is the transpose seen by column-major LAPACK: its lower triangle
        // is our upper one, and its eigenvector columns are our rows.
        var a = matrix.scalars
        var values = [Double](repeating: 0, count: Int(n))
        var job: CChar = vectors ? 86 : 78, triangle: CChar = 76 // "V" or "N", "L"
        var info: Int32 = 0, lda = n
        var workSize = 0.0, iworkSize: Int32 = 0, query: Int32 = -1
        dsyevd_(&job, &triangle, &n, &a, &lda, &values, &workSize, &query, &iworkSize, &query, &info, 1, 1)
        guard info == 0 else { throw .lapack(routine: "dsyevd", info: Int(info)) }
        var lwork = Int32(workSize), liwork = iworkSize
        var work = [Double](repeating: 0, count: Int(lwork)), iwork = [Int32](repeating: 0, count: Int(liwork))
        dsyevd_(&job, &triangle, &n, &a, &lda, &values, &work, &lwork, &iwork, &liwork, &info, 1, 1)
        guard info == 0 else { throw .lapack(routine: "dsyevd", info: Int(info)) }
        self.values = values
        self.vectors = vectors ? Tensor(shape: matrix.shape, scalars: a).transposed : nil
    }
}

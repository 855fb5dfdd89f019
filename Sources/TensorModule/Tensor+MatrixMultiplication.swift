extension Tensor {
    /// The matrix product op(A) op(B) through BLAS gemm, where op transposes when asked:
    /// A is [m, k] ([k, m] if transposed), B is [k, n] ([n, k] if transposed).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false) -> Tensor {
        precondition(rank == 2 && other.rank == 2, "matmul needs matrices, got \(shape) and \(other.shape)")
        let (m, k) = transposeSelf ? (shape[1], shape[0]) : (shape[0], shape[1])
        let (k2, n) = transposeOther ? (other.shape[1], other.shape[0]) : (other.shape[0], other.shape[1])
        precondition(k == k2, "matmul: inner extents differ: \(shape) x \(other.shape)")
        guard m > 0, n > 0, k > 0 else { return Tensor(repeating: 0, shape: [m, n]) }
        return scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                Tensor(shape: [m, n]) { c in
                    Scalar.gemm(transposeA: transposeSelf, transposeB: transposeOther, m: m, n: n, k: k,
                                alpha: 1, a: a.baseAddress!, lda: shape[1], b: b.baseAddress!, ldb: other.shape[1],
                                beta: 0, c: c.baseAddress!, ldc: n)
                }
            }
        }
    }
}

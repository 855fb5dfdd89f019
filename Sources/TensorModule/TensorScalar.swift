import CBLAS
import RealModule

/// The element types a `Tensor` can hold: `Float` and `Double`, the two precisions BLAS
/// serves. `Real` (swift-numerics) supplies exp, log, tanh, pow and the other elementary
/// functions generically.
public protocol TensorScalar: BinaryFloatingPoint, Real, Codable, Sendable
where Self.RawSignificand: FixedWidthInteger {
    /// C = alpha * op(A) * op(B) + beta * C for row-major matrices (BLAS sgemm / dgemm):
    /// op(A) is m x k, op(B) is k x n, C is m x n.
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)

    /// y_i = e^(x_i) for buffers of equal count.
    static func exponentials(of x: UnsafeBufferPointer<Self>, into y: UnsafeMutableBufferPointer<Self>)

    /// y_i = 1 / (1 + e^(-x_i)) for buffers of equal count.
    static func sigmoids(of x: UnsafeBufferPointer<Self>, into y: UnsafeMutableBufferPointer<Self>)
}

extension Float: TensorScalar {
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Vectorized (`VectorExponential`).
    public static func exponentials(of x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>) {
        VectorExponential.exponentials(of: x, into: y)
    }

    /// Vectorized (`VectorExponential`).
    public static func sigmoids(of x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>) {
        VectorExponential.sigmoids(of: x, into: y)
    }
}

extension Double: TensorScalar {
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// The C library's exp, element by element.
    public static func exponentials(of x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        for i in 0..<x.count { y[i] = exp(x[i]) }
    }

    /// The C library's exp, element by element.
    public static func sigmoids(of x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        for i in 0..<x.count { y[i] = 1 / (1 + exp(-x[i])) }
    }
}

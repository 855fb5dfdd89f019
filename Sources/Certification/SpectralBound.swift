import TensorModule

/// Spectral quantities on the safe side, for certificates and reported bounds (Singla & Feizi
/// 2020, Thms 3 and 4; Peck et al. 2017, Thm 4.2). Power iteration approaches the top of a
/// spectrum from below, so its value is never an upper bound. Spectral norms come from LAPACK's
/// SVD plus its error bound (`spectralNorm`); for lambda_max, of which Thm 3's local bounds
/// need one per input, power iteration only proposes a bound t, which a Cholesky factorization
/// in Double (LAPACK `dpotrf`) then proves (`largestEigenvalue`):
///
///     t I - A = R^T R - E + D  with  ||E||_2 <= gamma_(n+1) ||R||_F^2   (Higham 2002, Thm 10.3),
///     ||D||_2 <= u max_i |t - A_ii|  (the rounding of t - A_ii),   so
///     lambda_max(A) <= t + gamma_(n+1) ||R||_F^2 (1 + 2 n^2 u) + u max_i |t - A_ii|,
///
/// u = 2^-53, gamma_k = k u / (1 - k u), the factor (1 + 2 n^2 u) covering the rounding of
/// ||R||_F^2 itself. t starts 1e-6 relative above the estimate; when the factorization fails,
/// t was too small and its distance from the estimate grows 4-fold; after the first success the
/// last bracket is bisected 4 times, so t exceeds lambda_max by at most 6e-8 relative or 3/16
/// of the estimate's own error, whichever is larger. The rounding terms are about n^2 u
/// relative (7e-11 for n = 784). A factorization costs n^3/3 flops, a fraction of LAPACK's
/// symmetric eigensolver (`dsyevd`, about 4n^3/3 flops, half of them in matrix-vector
/// products), which is what makes a bound per input affordable (the local bounds of Sec. 7.4).
public enum SpectralBound {
    /// An upper bound on lambda_max(A) for a symmetric A given as `matrix` [n, n] with
    /// ||matrix - A||_2 <= `formationError` (the rounding made while forming it), from a power
    /// iteration estimate in Double (1e-7 relative change, at most 1,000 steps; on a positive
    /// semi-definite matrix it estimates lambda_max, on an indefinite one the bound is safe but
    /// can be loose) proved by Cholesky.
    public static func largestEigenvalue(of matrix: Tensor<Double>, formationError: Double = 0) throws -> Double {
        let n = matrix.shape[0]
        guard n > 0 else { return 0 }
        let estimate = PowerIteration.dominantEigenvalue(dimension: n) { $0.matmul(matrix) }
        let scale = matrix.scalars.reduce(0) { max($0, abs($1)) }
        var failed = estimate, distance = 1e-6 * max(abs(estimate), scale) + Double.leastNormalMagnitude
        var proved: Double?
        for _ in 0..<60 where proved == nil {
            let trial = estimate + distance
            if let bound = try certifiedBound(matrix, shift: trial) { proved = bound } else { failed = trial; distance *= 4 }
        }
        guard var best = proved else { throw LinearAlgebraError.lapack(routine: "dpotrf", info: n) }
        var (low, high) = (failed, estimate + distance)
        for _ in 0..<4 {
            let middle = (low + high) / 2
            if let bound = try certifiedBound(matrix, shift: middle) { best = min(best, bound); high = middle } else { low = middle }
        }
        return (best + formationError).nextUp
    }

    /// An upper bound on ||A||_2 = sigma_max(A) for A [m, n], converted exactly to Double (Float
    /// weights are): LAPACK's sigma_1 (`Tensor.singularValues()`) + max(m, n) u ||A||_F. The
    /// computed singular values are exact for a matrix within p(m, n) u ||A||_2 of A (LAPACK
    /// Users' Guide, Sec. 4.9), p a modestly growing function taken here as max(m, n) (and
    /// ||A||_2 <= ||A||_F): at most 3.6e-12 relative for 1024 x 1024.
    public static func spectralNorm<Scalar: TensorScalar>(of matrix: Tensor<Scalar>) throws -> Double {
        let precise = Tensor<Double>(converting: matrix)
        let largest = try precise.singularValues().first ?? 0
        let frobenius = precise.scalars.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return (largest + Double(matrix.shape.max() ?? 0) * unitRoundoff * frobenius).nextUp
    }

    /// t + the rounding terms when the Cholesky factorization of t I - A succeeds, else nil.
    private static func certifiedBound(_ matrix: Tensor<Double>, shift: Double) throws -> Double? {
        let n = matrix.shape[0]
        var shifted = matrix * -1
        var diagonalError = 0.0
        for k in 0..<n {
            shifted.scalars[k * n + k] += shift
            diagonalError = max(diagonalError, abs(shifted.scalars[k * n + k]))
        }
        guard let factor = try shifted.choleskyFactor() else { return nil }
        let squaredNorm = factor.scalars.reduce(0) { $0 + $1 * $1 }
        return (shift + gamma(n + 1) * squaredNorm * (1 + 2 * gamma(n * n)) + 2 * unitRoundoff * diagonalError).nextUp
    }

    /// gamma_k = k u / (1 - k u), rounded up.
    private static func gamma(_ k: Int) -> Double {
        (Double(k) * unitRoundoff / (1 - Double(k) * unitRoundoff)).nextUp
    }

    private static let unitRoundoff = Double.ulpOfOne / 2
}

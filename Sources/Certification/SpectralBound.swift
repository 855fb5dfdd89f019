import TensorModule

/// Spectral quantities on the safe side, for certificates and reported bounds (Singla & Feizi
/// 2020, Thms 3 and 4; Peck et al. 2017, Thm 4.2): LAPACK's value in Double
/// (`Tensor.singularValues()`, `Tensor.symmetricEigenvalues()`) moved outward by
///
///     margin = n eps ||A||_F,   eps = 2^-53,  n the larger extent of A,
///
/// LAPACK's error bound p(n) eps ||A||_2 (Users' Guide, Secs. 4.7 and 4.9: the computed
/// eigenvalues of a symmetric A, and singular values of any A, are exact for a matrix within
/// that distance of A, so each is within it of the true one by Weyl's inequality) with the
/// "modestly growing" p(n) taken as n and ||A||_2 <= ||A||_F. Relative to ||A||_2 the margin is
/// at most n^1.5 eps: 2.4e-12 for n = 784, 3.6e-12 for 1,024. Power iteration, which the bounds
/// used before, approaches the extreme from below, so its value is never an upper bound.
public enum SpectralBound {
    /// An upper bound on ||A||_2 = sigma_max(A) for A [m, n], converted exactly to Double
    /// (Float weights are): sigma_1 + max(m, n) eps ||A||_F.
    public static func spectralNorm<Scalar: TensorScalar>(of matrix: Tensor<Scalar>) throws -> Double {
        let precise = Tensor<Double>(shape: matrix.shape, scalars: matrix.scalars.map(Double.init))
        let largest = try precise.singularValues().first ?? 0
        return (largest + margin(precise)).nextUp
    }

    /// Bounds lower <= lambda_min(A) and lambda_max(A) <= upper for a symmetric A given as
    /// `matrix` [n, n] with ||matrix - A||_2 <= `formationError` (the rounding made while
    /// forming it; 0 when it is A exactly): the extreme computed eigenvalues moved outward by
    /// n eps ||matrix||_F + formationError.
    public static func eigenvalueRange(of matrix: Tensor<Double>, formationError: Double = 0) throws -> (lower: Double, upper: Double) {
        let values = try matrix.symmetricEigenvalues()
        guard let lowest = values.first, let highest = values.last else { return (0, 0) }
        let slack = margin(matrix) + formationError
        return ((lowest - slack).nextDown, (highest + slack).nextUp)
    }

    /// n eps ||A||_F, rounded up (the norm's own rounding, below n^2 eps relative, is far inside
    /// the generous p(n) = n).
    private static func margin(_ matrix: Tensor<Double>) -> Double {
        let frobenius = matrix.scalars.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return (Double(matrix.shape.max() ?? 0) * Double.ulpOfOne / 2 * frobenius).nextUp
    }
}

import TensorModule

/// Power iteration for the two spectral quantities Singla & Feizi's bounds need: the
/// largest singular value of a weight matrix (Thm 4's ||W^(I)||, App. C.1) and the largest
/// eigenvalue of a symmetric positive semi-definite operator (Thm 3's lambda_max(P) and
/// -lambda_min(N)).
///
/// Power iteration approaches the top of the spectrum from below, and a small relative change
/// per step does not mean a small error (stopped at 1e-7, it ended 1e-8 to 4e-5 below LAPACK's
/// values): it serves training (the warm-started differentiable norms of App. C.1, as in the
/// authors' code) and proposes the bounds that `SpectralBound` proves; certificates never use
/// its value directly. The iteration starts from a fixed seeded vector, so results are the
/// same on every machine.
public enum PowerIteration {
    /// The result of an iteration: the estimate and the vectors it converged to.
    public struct SingularTriple<Scalar: TensorScalar> {
        /// sigma_max, the operator 2-norm.
        public let value: Scalar
        /// The left singular vector u = A v / sigma (length rows).
        public let left: Tensor<Scalar>
        /// The right singular vector v (length columns), the start of the next iteration.
        public let right: Tensor<Scalar>
    }

    /// sigma_max(A) for A [rows, columns], by power iteration on A^T A.
    ///
    /// - Parameters:
    ///   - start: the right vector to start from (the previous step's `right` during
    ///     training, App. C.1); default a seeded random vector.
    ///   - iterations: the most iterations; default 500.
    ///   - tolerance: stop when the estimate changes by less than this, relatively; default 1e-7
    ///     (0 runs every iteration).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func largestSingularValue<Scalar: TensorScalar>(
        of matrix: Tensor<Scalar>, start: Tensor<Scalar>? = nil, iterations: Int = 500, tolerance: Double = 1e-7
    ) -> SingularTriple<Scalar> {
        precondition(matrix.rank == 2, "largestSingularValue needs a matrix, got shape \(matrix.shape)")
        let columns = matrix.shape[1]
        var v = normalized(start ?? randomStart(count: columns)).reshaped([columns, 1])
        var estimate = 0.0
        for _ in 0..<max(iterations, 1) {
            let u = matrix.matmul(v)
            let back = matrix.matmul(u, transposeSelf: true)
            let norm = Double(back.l2Norm())
            guard norm > 0 else { break }
            v = back * Scalar(1 / norm)
            let next = norm.squareRoot()
            let converged = abs(next - estimate) <= tolerance * next
            estimate = next
            if converged { break }
        }
        let u = matrix.matmul(v)
        let sigma = u.l2Norm()
        return SingularTriple(value: sigma, left: sigma > 0 ? (u * (1 / sigma)).reshaped([-1]) : u.reshaped([-1]),
                              right: v.reshaped([-1]))
    }

    /// The eigenvalue of largest magnitude, with its sign, of a symmetric operator on vectors
    /// of length `dimension` (`apply` maps a batch [1, dimension] to [1, dimension]): the
    /// Rayleigh quotient v^T A v of the vector power iteration converges to. For a positive
    /// semi-definite operator this is lambda_max (Thm 3's lambda_max(P), and -lambda_min(N)
    /// through -N); for a Hessian applied by Hessian-vector products it is App. H.1's
    /// curvature estimate.
    public static func dominantEigenvalue<Scalar: TensorScalar>(
        dimension: Int, iterations: Int = 1000, tolerance: Double = 1e-7, apply: (Tensor<Scalar>) -> Tensor<Scalar>
    ) -> Double {
        dominantEigenvalues(count: 1, dimension: dimension, iterations: iterations, tolerance: tolerance, apply: apply)[0]
    }

    /// `dominantEigenvalue` for `count` operators at once: `apply` maps [count, dimension] to
    /// [count, dimension], row n by operator n (one matrix product for all, e.g. the local
    /// curvature bounds of a batch of inputs). Stops when every row has converged.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func dominantEigenvalues<Scalar: TensorScalar>(
        count: Int, dimension: Int, iterations: Int = 1000, tolerance: Double = 1e-7,
        apply: (Tensor<Scalar>) -> Tensor<Scalar>
    ) -> [Double] {
        let start: Tensor<Scalar> = randomStart(count: dimension)
        var v = Tensor<Scalar>(shape: [count, dimension], scalars: Array(repeating: normalized(start).scalars, count: count).flatMap { $0 })
        var estimates = [Double](repeating: 0, count: count)
        for _ in 0..<max(iterations, 1) {
            let image = apply(v)
            var converged = true
            for row in 0..<count {
                let range = (row * dimension)..<((row + 1) * dimension)
                var quotient = 0.0, norm = 0.0
                for k in range {
                    quotient += Double(image.scalars[k] * v.scalars[k])
                    norm += Double(image.scalars[k] * image.scalars[k])
                }
                norm = norm.squareRoot()
                converged = converged && abs(quotient - estimates[row]) <= tolerance * abs(quotient)
                estimates[row] = quotient
                for k in range { v.scalars[k] = norm > 0 ? image.scalars[k] / Scalar(norm) : 0 }
            }
            if converged { break }
        }
        return estimates
    }

    private static func randomStart<Scalar: TensorScalar>(count: Int) -> Tensor<Scalar> {
        var generator = SeededGenerator(seed: 0x5F2020)
        return Tensor<Scalar>.randomNormal(shape: [count], using: &generator)
    }

    private static func normalized<Scalar: TensorScalar>(_ vector: Tensor<Scalar>) -> Tensor<Scalar> {
        let norm = vector.l2Norm()
        return norm > 0 ? vector * (1 / norm) : vector
    }
}

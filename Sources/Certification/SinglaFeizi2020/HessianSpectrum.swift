import Autodiff
import TensorModule

/// The curvature actually seen at inputs (Singla & Feizi 2020, App. H.1's K_lb): for each
/// row x_n, ||grad^2 f(x_n)||_2 = |lambda|_max, by power iteration on Hessian-vector products,
/// all rows at once (one double-backpropagation per iteration: the rows do not interact, so the
/// gradient of sum_n <grad f(x_n), v_n> is H_n v_n per row).
///
/// The estimate is ||H v|| for the last unit vector v, not the Rayleigh quotient |v^T H v|:
/// when the two extreme eigenvalues are close in magnitude and opposite in sign, v converges
/// to a mix of both eigenvectors, on which v^T H v cancels (0.08x the true value was seen on a
/// trained network) while ||H v|| tends to |lambda|_max. ||H v|| never exceeds ||H||_2 and
/// grows with every iteration (||H v||^2 = v^T H^2 v <= ||H^2 v||), so it is a lower bound,
/// as K_lb should be.
public enum HessianSpectrum {
    /// ||grad^2 f||_2 at each row of `inputs` [N, D], from below.
    ///
    /// - Parameter iterations: power iterations; default 30.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func dominantEigenvalues<Scalar: TensorScalar>(
        _ function: LogitDifference<Scalar>, at inputs: Tensor<Scalar>, iterations: Int = 30
    ) -> [Double] {
        let (count, width) = (inputs.shape[0], inputs.count / max(inputs.shape[0], 1))
        let model = function.model
        model.bindParameters(requiresGradient: false)
        let seed = Variable(function.seed)
        var generator = SeededGenerator(seed: 0x4E55)
        var vectors = normalizedRows(Tensor<Scalar>.randomNormal(shape: inputs.shape, using: &generator), width: width)
        var estimates = [Double](repeating: 0, count: count)
        for _ in 0..<iterations {
            let x = Variable(inputs, requiresGradient: true)
            let value = (model.forward(x) * seed).sum()
            let firstOrder = gradient(of: value, wrt: [x], createGraph: true)[0]
            let products = gradient(of: (firstOrder * Variable(vectors)).sum(), wrt: [x])[0].value
            estimates = products.rowNorms()
            vectors = normalizedRows(products, width: width)
        }
        return estimates
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private static func normalizedRows<Scalar: TensorScalar>(_ matrix: Tensor<Scalar>, width: Int) -> Tensor<Scalar> {
        var result = matrix
        for (row, norm) in matrix.rowNorms().enumerated() where norm > 0 {
            for k in (row * width)..<((row + 1) * width) { result.scalars[k] = matrix.scalars[k] / Scalar(norm) }
        }
        return result
    }
}

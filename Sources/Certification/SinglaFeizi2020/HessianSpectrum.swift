import Autodiff
import TensorModule

/// The curvature actually seen at inputs (Singla & Feizi 2020, App. H.1's K_lb): for each
/// row x_n, the eigenvalue of largest magnitude of grad^2 f(x_n), by power iteration on
/// Hessian-vector products, all rows at once (one double-backpropagation per iteration:
/// the rows do not interact, so the gradient of sum_n <grad f(x_n), v_n> is H_n v_n per row).
public enum HessianSpectrum {
    /// |lambda|_max of the Hessian of f at each row of `inputs` [N, D].
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
            for row in 0..<count {
                var quotient = 0.0
                for k in (row * width)..<((row + 1) * width) { quotient += Double(products.scalars[k] * vectors.scalars[k]) }
                estimates[row] = abs(quotient)
            }
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

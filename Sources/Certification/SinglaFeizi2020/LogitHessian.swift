import Autodiff
import TensorModule

/// The Hessian of a combination of logits c^T z^(L) w.r.t. the input in closed form
/// (Singla & Feizi 2020, Lemma 1):
///
///     grad_x^2 c^T z^(L) = sum_{I=1}^{L-1} (B^(I))^T diag(c^T F^(L,I) ⊙ sigma''(z^(I))) B^(I),
///     B^(1) = W^(1),  B^(I) = W^(I) diag(sigma'(z^(I-1))) B^(I-1),
///     F^(L,L-1) = W^(L),  F^(L,I) = W^(L) diag(sigma'(z^(L-1))) F^(L-1,I),
///
/// with c = e_y - e_t for the logit difference f.
public enum LogitHessian {
    /// The D x D Hessian at one input `x` [D] for the combination `combination` [C].
    public static func closedForm<Scalar: TensorScalar>(
        _ network: FullyConnectedNetwork<Scalar>, at x: Tensor<Scalar>, combination: Tensor<Scalar>
    ) -> Tensor<Scalar> {
        let depth = network.depth
        let weights = network.weights
        let z = network.preactivations(x.reshaped([1, -1])).map { $0.reshaped([-1]) }
        let derivatives = z.dropLast().map { network.activation.derivatives($0) }
        var jacobians: [Tensor<Scalar>] = [weights[0].transposed]
        for layer in 1..<(depth - 1) {
            let scaled = scaleRows(jacobians[layer - 1], by: derivatives[layer - 1].first)
            jacobians.append(weights[layer].matmul(scaled, transposeSelf: true))
        }
        var sensitivities = [Tensor<Scalar>](repeating: Tensor(repeating: 0, shape: [0]), count: depth - 1)
        sensitivities[depth - 2] = weights[depth - 1].matmul(combination.reshaped([-1, 1])).reshaped([-1])
        for layer in stride(from: depth - 3, through: 0, by: -1) {
            let upstream = sensitivities[layer + 1] * derivatives[layer + 1].first
            sensitivities[layer] = weights[layer + 1].matmul(upstream.reshaped([-1, 1])).reshaped([-1])
        }
        var hessian = Tensor<Scalar>(repeating: 0, shape: [x.count, x.count])
        for layer in 0..<(depth - 1) {
            let weighted = scaleRows(jacobians[layer], by: sensitivities[layer] * derivatives[layer].second)
            hessian = hessian + jacobians[layer].matmul(weighted, transposeSelf: true)
        }
        return hessian
    }

    /// diag(scale) matrix for matrix [R, D] and scale [R].
    private static func scaleRows<Scalar: TensorScalar>(_ matrix: Tensor<Scalar>, by scale: Tensor<Scalar>) -> Tensor<Scalar> {
        matrix * scale.reshaped([-1, 1])
    }
}

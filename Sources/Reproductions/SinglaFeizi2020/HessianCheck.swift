import Autodiff
import Certification
import NeuralNetworks
import TensorModule

/// Lemma 1's closed-form input Hessian of a logit difference z_y − z_t checked on one image:
/// its product with a random direction v against autodiff's Hessian-vector product, and its
/// extreme eigenvalues against Thm 3's [m, M] and Thm 4's [−K, K] (Singla & Feizi 2020).
public struct HessianCheck: Sendable, Hashable, Codable {
    /// ‖H v − HVP(v)‖ / ‖HVP(v)‖ for the closed-form H.
    public var relativeError: Double
    /// The smallest and largest eigenvalue of the closed-form Hessian.
    public var lowest: Double, highest: Double
    /// Thm 3's bounds m ≤ λ ≤ M and Thm 4's K (|λ| ≤ K).
    public var lower: Double, upper: Double, k: Double

    /// Checks `network` at `input` [1, D] with label `label`, the target its runner-up class.
    ///
    /// The extreme eigenvalues come from LAPACK's symmetric eigensolver (dsyevd) on H in Double.
    public init(_ network: FullyConnectedNetwork<Float>, input: Tensor<Float>, label: Int, seed: UInt64) throws {
        let dimension = input.count
        let classes = network.model.predict(input).count
        let target = LogitDifference<Float>.targets(logits: network.model.predict(input), labels: [label], rule: .runnerUp)[0]
        let combination = (Loss.oneHot([label], classes: classes) - Loss.oneHot([target], classes: classes) as Tensor<Float>)
        let hessian = LogitHessian.closedForm(network, at: input.reshaped([dimension]),
                                              combination: combination.reshaped([classes]))
        var generator = SeededGenerator(seed: seed)
        let direction = Tensor<Float>.randomNormal(shape: [1, dimension], using: &generator)
        network.model.bindParameters(requiresGradient: false)
        let reference = hessianVectorProduct(of: { network.model.forward($0).matmul(Variable(combination), transposeOther: true).sum() },
                                             at: input, vector: direction)
        relativeError = Double((direction.matmul(hessian) - reference).l2Norm() / reference.l2Norm())
        let precise = Tensor<Double>(converting: hessian)
        let spectrum = try precise.symmetricEigenvalues()
        (lowest, highest) = (spectrum.first!, spectrum.last!)
        let bounds = try LogitCurvature.bounds(network, labels: [label], targets: [target])[0]
        (lower, upper) = (bounds.lower, bounds.upper)
        k = try LogitCurvature.deepNetworkBound(network, labels: [label], targets: [target])[0]
    }
}

import Autodiff
import NeuralNetworks
import TensorModule

/// Training with the curvature penalty and CRT (Singla & Feizi 2020, Sec. 6, Eq. 7): the
/// per-sample loss
///
///     CE(z^(L)(x), y) + gamma * K(W, y, t),
///
/// t the runner-up class at the clean input, K Thm 4's bound (for every depth, as the
/// authors' code does for sigmoid and tanh) with spectral norms by warm-started power
/// iteration (gradient u v^T). With CRT, x is the curvature attack's point in the ball of
/// radius rho (Algorithm 2 with m = -K), otherwise the clean input.
public enum CurvatureRegularization {
    /// The CRT part: the attack radius and iteration counts.
    public struct Adversarial: Sendable, Hashable, Codable {
        /// rho of the training attack.
        public var radius: Double
        /// The attack's iteration counts (the authors train with 30 x 10).
        public var options: CurvatureAttack.Options

        public init(radius: Double, options: CurvatureAttack.Options = CurvatureAttack.Options(outerSteps: 30, innerSteps: 10)) {
            self.radius = radius
            self.options = options
        }
    }

    /// A `Trainer` batch loss for an MLP with one smooth activation.
    ///
    /// - Precondition: the model is a `FullyConnectedNetwork`; flattened inputs [N, D].
    /// - Parameters:
    ///   - gamma: the penalty weight (0: none).
    ///   - adversarial: CRT's attack, or nil to train on clean inputs.
    ///   - estimator: keeps the power-iteration vectors between steps.
    public static func batchLoss<Scalar: TensorScalar>(
        gamma: Double, adversarial: Adversarial?, estimator: SpectralNormEstimator<Scalar>
    ) -> Trainer.BatchLoss<Scalar> {
        { model, inputs, labels, context in
            let network: FullyConnectedNetwork<Scalar>
            do { network = try FullyConnectedNetwork(model) } catch { preconditionFailure(String(describing: error)) }
            var trainingInputs = inputs
            let targets: [Int]
            if let adversarial {
                model.bindParameters(requiresGradient: false)
                targets = LogitDifference.targets(logits: model.forward(Variable(inputs)).value, labels: labels, rule: .runnerUp)
                let norms = estimator.hiddenLayerNorms(network)
                let curvature = LogitCurvature.deepNetworkBound(network, spectralNorms: norms, labels: labels, targets: targets)
                    .value.scalars.map { HessianEigenvalueBounds(norm: Double($0)) }
                let function = LogitDifference(model: model, labels: labels, targets: targets)
                trainingInputs = CurvatureAttack.attack(function.evaluate, inputs: inputs, radius: adversarial.radius,
                                                        curvature: curvature, options: adversarial.options).points
                model.bindParameters(requiresGradient: true)
            } else {
                targets = []
            }
            let logits = model.forward(Variable(trainingInputs), context: context)
            var loss = Loss.crossEntropy(logits: logits, labels: labels)
            if gamma > 0 {
                let penaltyTargets = adversarial == nil
                    ? LogitDifference.targets(logits: logits.value, labels: labels, rule: .runnerUp) : targets
                let norms = estimator.hiddenLayerNorms(network, advance: adversarial == nil)
                let curvature = LogitCurvature.deepNetworkBound(network, spectralNorms: norms, labels: labels, targets: penaltyTargets)
                loss = loss + curvature.mean() * Scalar(gamma)
            }
            return (loss, logits.value)
        }
    }
}

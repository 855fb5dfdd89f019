import Autodiff
import NeuralNetworks
import TensorModule

/// The homogeneous decomposition of a logit (difference) of a ReLU-type network
/// (Etmann et al. 2019, Thm 1, Eq. 13):
///
///     Psi(x) = <x, grad_x Psi(x)> + <b, grad_b Psi(x)>,
///
/// with b every bias of the network: dense and convolution biases, and for batch
/// normalisation in inference mode its effective bias beta - gamma mu / sqrt(var + eps) (the
/// running mean enters here). Thm 1 holds for ReLU-type networks only; for smooth
/// activations `remainder` = Psi - <x, grad Psi> is the beta of Thms 2 and 3 instead.
public struct HomogeneousDecomposition: Sendable {
    /// Psi(x).
    public let value: Double
    /// <x, grad_x Psi(x)>.
    public let linearTerm: Double
    /// <b, grad_b Psi(x)> over every bias.
    public let biasTerm: Double
    /// Psi(x) - <x, grad_x Psi(x)>.
    public var remainder: Double { value - linearTerm }

    /// The decomposition of Psi = logit[positive] - logit[negative] (or logit[positive]
    /// alone when `negative` is nil) for one input `x` of shape [1, ...], in inference mode.
    public static func compute(_ model: Sequential<Double>, input x: Tensor<Double>, positive: Int, negative: Int? = nil)
        -> HomogeneousDecomposition {
        model.bindParameters(requiresGradient: true)
        let input = Variable(x, requiresGradient: true)
        let logits = model.forward(input)
        var seed = Tensor<Double>(repeating: 0, shape: logits.shape)
        seed.scalars[positive] = 1
        if let negative { seed.scalars[negative] -= 1 }
        var biases: [(effective: Tensor<Double>, variable: Variable<Double>)] = []
        for layer in model.layers {
            if let dense = layer as? Dense<Double>, let bias = dense.bias { biases.append((bias.value, bias.variable)) }
            if let convolution = layer as? Conv2D<Double>, let bias = convolution.bias { biases.append((bias.value, bias.variable)) }
            if let norm = layer as? BatchNorm<Double> {
                let deviation = norm.runningVariance.value.map { ($0 + norm.epsilon).squareRoot() }
                biases.append((norm.offset.value - norm.scale.value * norm.runningMean.value / deviation, norm.offset.variable))
            }
        }
        let gradients = gradient(of: logits, wrt: [input] + biases.map(\.variable), seed: seed).map(\.value)
        let value = (logits.value * seed).sum()
        let linear = (x * gradients[0]).sum()
        let biasTerm = zip(biases, gradients.dropFirst()).reduce(0) { $0 + ($1.0.effective * $1.1).sum() }
        return HomogeneousDecomposition(value: value, linearTerm: linear, biasTerm: biasTerm)
    }
}

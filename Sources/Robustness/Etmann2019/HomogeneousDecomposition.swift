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
    /// alone when `negative` is nil) for one input `x` of shape [1, ...], in inference mode,
    /// for a Float or a Double model. The gradients and inner products are computed in
    /// `Scalar`; the three numbers are returned as Double.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func compute<Scalar: TensorScalar>(_ model: Sequential<Scalar>, input x: Tensor<Scalar>, positive: Int,
                                                     negative: Int? = nil) -> HomogeneousDecomposition {
        model.bindParameters(requiresGradient: true)
        let input = Variable(x, requiresGradient: true)
        let logits = model.forward(input)
        var seed = Tensor<Scalar>(repeating: 0, shape: logits.shape)
        seed.scalars[positive] = 1
        if let negative { seed.scalars[negative] -= 1 }
        let biases = effectiveBiases(of: model)
        let gradients = gradient(of: logits, wrt: [input] + biases.map(\.variable), seed: seed).map(\.value)
        let value = (logits.value * seed).sum()
        let linear = (x * gradients[0]).sum()
        let biasTerm = zip(biases, gradients.dropFirst()).reduce(Scalar(0)) { $0 + ($1.0.effective * $1.1).sum() }
        return HomogeneousDecomposition(value: Double(value), linearTerm: Double(linear), biasTerm: Double(biasTerm))
    }

    /// The decomposition for each row of a batch `inputs` [N, ...]: row n's Psi is
    /// logit[positives[n]] - logit[negatives[n]] (logit[positives[n]] alone when `negatives` is
    /// nil). Each row is decomposed on its own, as `compute(_:input:positive:negative:)` would:
    /// the bias term needs grad_b Psi per row, which a batched backward pass sums over rows.
    public static func compute<Scalar: TensorScalar>(_ model: Sequential<Scalar>, inputs: Tensor<Scalar>, positives: [Int],
                                                     negatives: [Int]? = nil) -> [HomogeneousDecomposition] {
        precondition(positives.count == inputs.shape[0] && (negatives?.count ?? positives.count) == positives.count,
                     "\(inputs.shape[0]) inputs need as many positive (and negative) classes, got \(positives.count) and \(negatives?.count ?? 0)")
        return positives.indices.map { row in
            compute(model, input: inputs.rows(row..<(row + 1)), positive: positives[row], negative: negatives?[row])
        }
    }

    /// Every bias of the network with the variable its gradient is taken for: dense and
    /// convolution biases as they are, and for batch normalisation in inference mode the
    /// effective bias beta - gamma mu / sqrt(var + eps) against beta's variable.
    private static func effectiveBiases<Scalar: TensorScalar>(of model: Sequential<Scalar>)
        -> [(effective: Tensor<Scalar>, variable: Variable<Scalar>)] {
        var biases: [(effective: Tensor<Scalar>, variable: Variable<Scalar>)] = []
        for layer in model.layers {
            if let dense = layer as? Dense<Scalar>, let bias = dense.bias { biases.append((bias.value, bias.variable)) }
            if let convolution = layer as? Conv2D<Scalar>, let bias = convolution.bias { biases.append((bias.value, bias.variable)) }
            if let norm = layer as? BatchNorm<Scalar> {
                let deviation = norm.runningVariance.value.map { ($0 + Scalar(norm.epsilon)).squareRoot() }
                biases.append((norm.offset.value - norm.scale.value * norm.runningMean.value / deviation, norm.offset.variable))
            }
        }
        return biases
    }
}

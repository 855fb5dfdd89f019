import Autodiff
import Foundation
import NeuralNetworks
import TensorModule

/// The robustness bound of an MLP f = softmax(W h_L(x) + b), h_L the hidden stack (Peck et
/// al. 2017, Thm 4.2):
///
///     Delta_adv(x; f) >= (sqrt(||J(x)||^2 + 2 M' delta(h_L(x); f)) - ||J(x)||) / M',
///
/// with J the Jacobian of h_L at x (spectral norm, an upper bound on it from LAPACK,
/// `SpectralBound.spectralNorm`: the bound decreases in ||J||, so an estimate from below, as
/// power iteration gives, would over-state it), delta the linear bound of the output
/// layer at h_L(x) (Eq. 3.12, output bias included as in the theorem's statement) and
/// M' = M sqrt(n) (n hidden units), M from Algorithm 4.1. Thm A.1's remainder bound
/// (M/2) sqrt(n) ||r||^2 does not follow from |second derivatives| <= M: that gives
/// (M/2) sqrt(n) ||r||_1^2 <= (M/2) sqrt(n) d ||r||_2^2. `Variant.corrected` uses
/// M' = M sqrt(n) d, which is sound; `Variant.thesis` reproduces the thesis's formula.
public struct MultilayerPerceptronBound: Sendable {
    /// Which remainder constant M' to use.
    public enum Variant: String, Sendable, CaseIterable { case thesis, corrected }

    /// The per-input result.
    public struct Result: Sendable {
        public let predicted: Int
        public let bound: Double
        public let jacobianNorm: Double
        public let outputDelta: Double
    }

    public let hiddenWeights: [Tensor<Double>]
    public let hiddenBiases: [Tensor<Double>]
    public let activations: [Activation]
    public let output: LinearClassifierBound<Double>
    /// M of Algorithm 4.1: a bound on every second partial derivative of every unit of h_L.
    public let secondDerivativeBound: Double

    /// Reads the layers of an MLP `model` (dense, activation, ..., dense).
    public init(_ model: Sequential<Double>) throws {
        var activations: [Activation] = []
        for spec in model.spec.layers {
            if case let .activation(function) = spec { activations.append(function) }
        }
        let denseLayers = model.layers.compactMap { $0 as? Dense<Double> }
        guard denseLayers.count == activations.count + 1, model.layers.count == 2 * activations.count + 1 else {
            throw CertificationError.unsupportedModel("Thm 4.2 needs dense, activation, ..., dense; got \(model.spec.layers)")
        }
        self.init(denseLayers: denseLayers, activations: activations)
    }

    /// The MLP dense_1, activations[0], ..., dense_L (one more dense layer than activations).
    public init(denseLayers: [Dense<Double>], activations: [Activation]) {
        precondition(denseLayers.count == activations.count + 1,
                     "an MLP needs one more dense layer than activations; got \(denseLayers.count) and \(activations.count)")
        func bias(_ layer: Dense<Double>) -> Tensor<Double> {
            layer.bias?.value ?? Tensor(repeating: 0, shape: [layer.weight.value.shape[1]])
        }
        let hidden = denseLayers.dropLast()
        hiddenWeights = hidden.map(\.weight.value)
        hiddenBiases = hidden.map(bias)
        self.activations = activations
        output = LinearClassifierBound(weight: denseLayers.last!.weight.value, bias: bias(denseLayers.last!))
        var m = 0.0, n = 1.0
        for (weight, activation) in zip(hiddenWeights, activations) {
            let bounds = ActivationDerivativeBounds.of(activation)
            let (inputs, units) = (weight.shape[0], weight.shape[1])
            let s = (0..<units).map { unit in (0..<inputs).reduce(0) { $0 + abs(weight.scalars[$1 * units + unit]) } }.max() ?? 0
            m = bounds.second * n * n * s * s + bounds.first * m * s
            n = bounds.first * n * s
        }
        secondDerivativeBound = m
    }

    /// h_L of a batch, as a differentiable variable.
    public func hidden(_ x: Variable<Double>) -> Variable<Double> {
        zip(zip(hiddenWeights, hiddenBiases), activations).reduce(x) { value, layer in
            layer.1.apply(value.matmul(Variable(layer.0.0)) + Variable(layer.0.1))
        }
    }

    /// The bound for each row of `inputs` [N, d].
    public func bounds(_ inputs: Tensor<Double>, variant: Variant = .corrected) throws -> [Result] {
        let x = Variable(inputs, requiresGradient: true)
        let h = hidden(x)
        let (count, dimension, units) = (inputs.shape[0], inputs.shape[1], h.shape[1])
        let rows = jacobianRows(of: h, wrt: x)
        let deltas = output.bounds(h.value)
        let scale = secondDerivativeBound * Double(units).squareRoot() * (variant == .corrected ? Double(dimension) : 1)
        return try (0..<count).map { example in
            let jacobian = Tensor(shape: [units, dimension],
                                  scalars: rows.flatMap { $0.rowScalars(example) })
            let norm = try SpectralBound.spectralNorm(of: jacobian)
            let delta = deltas[example].bound
            let bound = scale > 0 ? ((norm * norm + 2 * scale * delta).squareRoot() - norm) / scale : delta / max(norm, 1e-300)
            return Result(predicted: deltas[example].predicted, bound: bound, jacobianNorm: norm, outputDelta: delta)
        }
    }
}

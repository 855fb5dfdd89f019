import Autodiff
import NeuralNetworks
import TensorModule

/// The view of a Sequential model that Singla & Feizi's curvature bounds need: dense layers
/// z^(I) = W^(I) a^(I-1) + b^(I) with one smooth activation between them (Sec. 3), read from
/// `dense, activation, dense, ..., dense` (a leading `flatten` is allowed).
///
/// Weights stay the model's parameters: `weightVariables` are the variables of the current
/// forward pass, so a bound computed from them is differentiable w.r.t. the weights.
/// Margin's `Dense` stores W^T ([inputs, units]); the paper's W^(I) is its transpose.
public struct FullyConnectedNetwork<Scalar: TensorScalar> {
    /// The model the layers belong to.
    public let model: Sequential<Scalar>
    /// The dense layers, first to last (L of them).
    public let denseLayers: [Dense<Scalar>]
    /// The activation between every two dense layers.
    public let activation: Activation

    /// Reads `model`; throws when it is not an MLP with a single activation function.
    public init(_ model: Sequential<Scalar>) throws {
        var specs = model.spec.layers
        if specs.first == .flatten { specs.removeFirst() }
        let activations = specs.compactMap { spec -> Activation? in
            if case let .activation(function) = spec { return function }
            return nil
        }
        let dense = model.layers.compactMap { $0 as? Dense<Scalar> }
        let alternates = specs.enumerated().allSatisfy { index, spec in
            if case .dense = spec { return index.isMultiple(of: 2) }
            if case .activation = spec { return !index.isMultiple(of: 2) }
            return false
        }
        guard alternates, dense.count >= 2, dense.count == activations.count + 1, Set(activations).count == 1 else {
            throw CertificationError.unsupportedModel(
                "curvature bounds need dense, activation, ..., dense with one activation and at least two dense layers; got \(model.spec.layers.map(\.typeName))")
        }
        self.model = model
        self.denseLayers = dense
        self.activation = activations[0]
    }

    /// L, the number of dense layers.
    public var depth: Int { denseLayers.count }
    /// Number of classes C (units of the last layer).
    public var classes: Int { denseLayers.last!.weight.value.shape[1] }
    /// The weights (Margin layout [inputs, units]) as variables of the current forward pass.
    public var weightVariables: [Variable<Scalar>] { denseLayers.map(\.weight.variable) }
    /// The weights as plain tensors.
    public var weights: [Tensor<Scalar>] { denseLayers.map(\.weight.value) }
    /// The weights converted (exactly) to Double, for bounds computed in Double.
    public var preciseWeights: [Tensor<Double>] {
        weights.map(Tensor<Double>.init(converting:))
    }
    /// W_y^(L) - W_t^(L) per unit of the last hidden layer, in Double (the difference of two
    /// Float weights is exact in Double unless their exponents differ by more than 29).
    public func outputDifference(label: Int, target: Int) -> [Double] {
        let last = weights[depth - 1]
        return (0..<last.shape[0]).map { Double(last.scalars[$0 * classes + label]) - Double(last.scalars[$0 * classes + target]) }
    }
    /// The biases (zero where a layer has none).
    public var biases: [Tensor<Scalar>] {
        denseLayers.map { $0.bias?.value ?? Tensor(repeating: 0, shape: [$0.weight.value.shape[1]]) }
    }

    /// Pre-activations z^(1) ... z^(L) of a batch [N, D] (plain tensors, inference mode).
    public func preactivations(_ inputs: Tensor<Scalar>) -> [Tensor<Scalar>] {
        var result: [Tensor<Scalar>] = []
        var a = Variable(inputs)
        for (index, (weight, bias)) in zip(weights, biases).enumerated() {
            let z = a.matmul(Variable(weight)) + Variable(bias)
            result.append(z.value)
            if index < depth - 1 { a = activation.apply(z) }
        }
        return result
    }
}

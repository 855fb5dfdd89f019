import Autodiff
import Foundation
import TensorModule

/// A model that applies its layers in order, built from a `ModelSpec`.
public final class Sequential<Scalar: TensorScalar>: @unchecked Sendable {
    /// The description the model was built from.
    public let spec: ModelSpec
    /// The layers, first to last.
    public let layers: [any Layer<Scalar>]

    /// Builds the layers of `spec` with fresh weights drawn from `SeededGenerator(seed:)`.
    /// Shapes are inferred layer by layer from `spec.inputShape` (`layerOutputShapes()`).
    ///
    /// - Precondition: `spec` is valid; a spec that does not come from code (a file, a user)
    ///   should be checked first with `try spec.layerOutputShapes()`, which says what is wrong.
    /// - Parameters:
    ///   - seed: seeds the weights (biases start at zero).
    ///   - initialization: default `.automatic` (He before ReLU-type activations, Glorot otherwise).
    public init(_ spec: ModelSpec, seed: UInt64, initialization: WeightInitialization = .automatic) {
        let outputShapes: [[Int]]
        do {
            outputShapes = try spec.layerOutputShapes()
        } catch {
            preconditionFailure(String(describing: error))
        }
        var generator = SeededGenerator(seed: seed)
        var layers: [any Layer<Scalar>] = []
        for (index, layerSpec) in spec.layers.enumerated() {
            let reluFollows = spec.layers.dropFirst(index + 1).first { Self.closesLinearStage($0) }.map {
                if case .activation(let kind) = $0 { return kind.negativeSlope != nil }
                if case .leakyReLU = $0 { return true }
                return false
            } ?? false
            let inputShape = index == 0 ? spec.inputShape : outputShapes[index - 1]
            layers.append(Self.makeLayer(layerSpec, index: index, inputShape: inputShape, reluFollows: reluFollows,
                                         initialization: initialization, generator: &generator))
        }
        self.spec = spec
        self.layers = layers
    }

    /// The trainable parameters of every layer, in order.
    public var parameters: [Parameter<Scalar>] { layers.flatMap { $0.parameters } }

    /// Parameters and buffers: everything a checkpoint holds.
    public var state: [Parameter<Scalar>] { layers.flatMap { $0.parameters + $0.buffers } }

    /// The output (logits) for a batch; bind parameters first to differentiate w.r.t. them.
    public func forward(_ input: Variable<Scalar>, context: ForwardContext = .inference) -> Variable<Scalar> {
        layers.reduce(input) { $1.forward($0, context: context) }
    }

    /// Logits of a batch in inference mode, as a plain tensor.
    public func predict(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        bindParameters(requiresGradient: false)
        return forward(Variable(input)).value
    }

    /// Makes fresh leaf variables of every parameter for the next forward pass.
    public func bindParameters(requiresGradient: Bool) {
        for parameter in parameters { parameter.bind(requiresGradient: requiresGradient) }
    }

    /// Whether `spec` is the non-linearity after a weight layer, or the next weight layer
    /// (which means no non-linearity came between).
    private static func closesLinearStage(_ spec: LayerSpec) -> Bool {
        switch spec {
        case .activation, .leakyReLU: return true
        case .dense, .conv2d: return true
        default: return false
        }
    }

    private static func makeLayer(
        _ spec: LayerSpec, index: Int, inputShape: [Int], reluFollows: Bool,
        initialization: WeightInitialization, generator: inout SeededGenerator
    ) -> any Layer<Scalar> {
        let prefix = "layers.\(index)"
        switch spec {
        case let .dense(units, bias):
            let weight: Tensor<Scalar> = initialization.draw(shape: [inputShape[0], units], fanIn: inputShape[0], fanOut: units,
                                                             reluFollows: reluFollows, using: &generator)
            return Dense(weight: Parameter(name: "\(prefix).weight", value: weight),
                         bias: bias ? Parameter(name: "\(prefix).bias", value: Tensor(repeating: 0, shape: [units])) : nil)
        case let .conv2d(filters, kernel, stride, padding, bias):
            let fanIn = inputShape[0] * kernel * kernel
            let filter: Tensor<Scalar> = initialization.draw(
                shape: [filters, inputShape[0], kernel, kernel], fanIn: fanIn, fanOut: filters * kernel * kernel,
                reluFollows: reluFollows, using: &generator)
            return Conv2D(filter: Parameter(name: "\(prefix).weight", value: filter),
                          bias: bias ? Parameter(name: "\(prefix).bias", value: Tensor(repeating: 0, shape: [filters])) : nil,
                          stride: stride, padding: padding)
        case .maxPool, .averagePool, .lpPool:
            return PoolingLayer(spec)
        case let .batchNorm(momentum, epsilon):
            let channels = inputShape[0]
            return BatchNorm(scale: Parameter(name: "\(prefix).weight", value: Tensor(repeating: 1, shape: [channels])),
                             offset: Parameter(name: "\(prefix).bias", value: Tensor(repeating: 0, shape: [channels])),
                             runningMean: Parameter(name: "\(prefix).running_mean", value: Tensor(repeating: 0, shape: [channels])),
                             runningVariance: Parameter(name: "\(prefix).running_var", value: Tensor(repeating: 1, shape: [channels])),
                             momentum: momentum, epsilon: epsilon)
        case let .localResponseNorm(size, k, alpha, beta, alphaPerWindow):
            return LocalResponseNorm(size: size, k: k, alpha: alpha, beta: beta, alphaPerWindow: alphaPerWindow)
        case let .dropout(rate):
            return Dropout(rate: rate)
        case .flatten, .activation, .leakyReLU:
            return PointwiseLayer(spec)
        }
    }
}

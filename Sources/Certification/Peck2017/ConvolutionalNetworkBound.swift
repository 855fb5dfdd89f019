import Autodiff
import NeuralNetworks
import TensorModule

/// Algorithm 5.1 of Peck et al. 2017: a lower bound on the Frobenius norm of any
/// perturbation of the input that changes the class of a CNN, computed backwards from the
/// fully-connected head: kappa_L from the head at the flattened features
/// (`ClassifierHeadRobustnessBound`), then kappa_l from kappa_{l+1} for each earlier layer
/// l = L - 1, ..., 1 (`LayerRobustnessBound`), returning kappa_1.
///
/// Supported layers before the head: conv2d (Thm 5.1), max / average / Lp pooling (Thm 5.3),
/// batch normalisation (Thm 5.6), local response normalisation (Thm 5.9), activations,
/// leaky ReLU, flatten and dropout. The head is the longest run of dense layers and
/// activations (dropout skipped) that ends the model, starting and ending with a dense layer.
/// One forward pass of the batch, then per example a cost linear in the number of weights
/// (plus the Thm 4.2 Jacobian of the head for the thesis variant).
public struct ConvolutionalNetworkBound: Sendable {
    /// The bounds of one example.
    public struct Result: Sendable {
        /// The model's class for the example.
        public let predicted: Int
        /// kappa_1: no input perturbation with a smaller Frobenius norm changes the class.
        public let bound: Double
        /// kappa_l at the input of each layer before the head, first to last, then kappa_L.
        public let layerBounds: [Double]
    }

    /// The model; its layers before `headStart` are the feature layers.
    public let model: Sequential<Double>
    /// The index of the head's first dense layer.
    public let headStart: Int
    /// The step of each feature layer.
    public let featureBounds: [any LayerRobustnessBound]
    public let head: ClassifierHeadRobustnessBound

    public init(_ model: Sequential<Double>) throws {
        let specs = model.spec.layers
        var headStart = specs.count
        while headStart > 0, Self.belongsToHead(specs[headStart - 1]) { headStart -= 1 }
        while headStart < specs.count, !Self.isDense(specs[headStart]) { headStart += 1 }
        let headIndices = (headStart..<specs.count).filter { !Self.isDropout(specs[$0]) }
        let denseLayers = headIndices.compactMap { model.layers[$0] as? Dense<Double> }
        let activations = headIndices.compactMap { index -> Activation? in
            if case let .activation(function) = specs[index] { return function }
            return nil
        }
        let alternates = headIndices.enumerated().allSatisfy { position, index in Self.isDense(specs[index]) == (position % 2 == 0) }
        guard !denseLayers.isEmpty, alternates, denseLayers.count == activations.count + 1 else {
            throw CertificationError.unsupportedModel(
                "Algorithm 5.1 needs the model to end in dense, activation, ..., dense; layers \(headStart)... are "
                    + "\(specs[headStart...].map(\.typeName)); leaky ReLU inside the head is not supported")
        }
        head = try ClassifierHeadRobustnessBound(denseLayers: denseLayers, activations: activations)
        self.model = model
        self.headStart = headStart
        featureBounds = try zip(specs[..<headStart], model.layers[..<headStart]).enumerated().map { index, pair in
            let (spec, layer) = pair
            switch spec {
            case .conv2d: return ConvolutionRobustnessBound(layer as! Conv2D<Double>)
            case .maxPool, .averagePool, .lpPool: return PoolingRobustnessBound(spec)
            case .batchNorm: return BatchNormRobustnessBound(layer as! BatchNorm<Double>)
            case .localResponseNorm: return try LocalResponseNormRobustnessBound(layer as! LocalResponseNorm<Double>)
            case .activation, .leakyReLU, .flatten, .dropout: return PointwiseRobustnessBound(spec)
            case .dense:
                throw CertificationError.unsupportedModel(
                    "layer \(index) is dense but is followed by \(specs[headStart - 1].typeName); Algorithm 5.1 covers dense "
                        + "layers only in the head that ends the model")
            }
        }
    }

    /// The bounds for each example of `inputs` [N, ...] (the model's input shape).
    public func bounds(_ inputs: Tensor<Double>, variant: LayerwiseBoundVariant = .sound) -> [Result] {
        var activations = [inputs]
        for layer in model.layers[..<headStart] {
            activations.append(layer.forward(Variable(activations.last!), context: .inference).value)
        }
        let features = activations.last!
        let flattened = features.reshaped([features.shape[0], features.count / Swift.max(features.shape[0], 1)])
        let headBounds = head.bounds(flattened, variant: variant)
        var kappa = headBounds.map(\.bound)
        var perLayer = [kappa]
        for (index, step) in featureBounds.enumerated().reversed() {
            kappa = step.inputBounds(kappa, layerInput: activations[index], layerOutput: activations[index + 1], variant: variant)
            perLayer.insert(kappa, at: 0)
        }
        return headBounds.enumerated().map { example, head in
            Result(predicted: head.predicted, bound: kappa[example], layerBounds: perLayer.map { $0[example] })
        }
    }

    private static func isDense(_ spec: LayerSpec) -> Bool {
        if case .dense = spec { return true }
        return false
    }

    private static func isDropout(_ spec: LayerSpec) -> Bool {
        if case .dropout = spec { return true }
        return false
    }

    private static func belongsToHead(_ spec: LayerSpec) -> Bool {
        switch spec {
        case .dense, .activation, .dropout: return true
        default: return false
        }
    }
}

import Autodiff
import TensorModule

/// Inverted dropout: in training each input is zeroed with probability `rate` and the rest
/// are scaled by 1/(1 - rate), masks drawn from the context's seeded generator; in
/// inference the layer is the identity.
public final class Dropout<Scalar: TensorScalar>: Layer {
    public let rate: Double
    public var spec: LayerSpec { .dropout(rate: rate) }

    public init(rate: Double) {
        precondition((0..<1).contains(rate), "dropout rate must lie in [0, 1), got \(rate)")
        self.rate = rate
    }

    public func forward(_ input: Variable<Scalar>, context: ForwardContext) -> Variable<Scalar> {
        guard context.mode == .training, rate > 0 else { return input }
        let keep = Scalar(1 / (1 - rate))
        let mask = Tensor<Scalar>(shape: input.shape, scalars: (0..<input.value.count).map { _ in
            context.generator.nextUniform() < rate ? 0 : keep
        })
        return input * Variable(mask)
    }
}

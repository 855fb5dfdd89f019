import Autodiff
import TensorModule

/// Batch normalisation (Ioffe & Szegedy 2015) over the channels of NCHW batches or the
/// features of [N, D] batches: y = gamma (x - mu) / sqrt(var + epsilon) + beta.
///
/// Training uses the batch's mean and (biased) variance and updates the running statistics
/// as running = (1 - momentum) running + momentum batch (unbiased variance, as PyTorch);
/// inference uses the running statistics, so the layer is affine — the form Peck et al.'s
/// Thm 5.6 and Etmann et al.'s Thm 1 (the running mean enters beta) treat.
public final class BatchNorm<Scalar: TensorScalar>: Layer {
    public let scale: Parameter<Scalar>
    public let offset: Parameter<Scalar>
    public let runningMean: Parameter<Scalar>
    public let runningVariance: Parameter<Scalar>
    public let momentum: Double
    public let epsilon: Double
    public var spec: LayerSpec { .batchNorm(momentum: momentum, epsilon: epsilon) }
    public var parameters: [Parameter<Scalar>] { [scale, offset] }
    public var buffers: [Parameter<Scalar>] { [runningMean, runningVariance] }

    public init(scale: Parameter<Scalar>, offset: Parameter<Scalar>, runningMean: Parameter<Scalar>,
                runningVariance: Parameter<Scalar>, momentum: Double, epsilon: Double) {
        self.scale = scale
        self.offset = offset
        self.runningMean = runningMean
        self.runningVariance = runningVariance
        self.momentum = momentum
        self.epsilon = epsilon
    }

    public func forward(_ input: Variable<Scalar>, context: ForwardContext) -> Variable<Scalar> {
        let statisticsShape = input.value.rank == 4 ? [1, input.shape[1], 1, 1] : [1, input.shape[1]]
        let axes: Set<Int> = input.value.rank == 4 ? [0, 2, 3] : [0]
        let gamma = scale.variable.reshaped(statisticsShape)
        let beta = offset.variable.reshaped(statisticsShape)
        switch context.mode {
        case .inference:
            let mean = Variable(runningMean.value.reshaped(statisticsShape))
            let deviation = Variable(runningVariance.value.map { ($0 + Scalar(epsilon)).squareRoot() }.reshaped(statisticsShape))
            return (input - mean) / deviation * gamma + beta
        case .training:
            let mean = input.mean(alongAxes: axes)
            let centered = input - mean
            let variance = centered.squared().mean(alongAxes: axes)
            let samples = Scalar(input.value.count / input.shape[1])
            let unbiased = variance.value.map { $0 * samples / max(samples - 1, 1) }.reshaped([-1])
            let rate = Scalar(momentum)
            runningMean.value = runningMean.value * (1 - rate) + mean.value.reshaped([-1]) * rate
            runningVariance.value = runningVariance.value * (1 - rate) + unbiased * rate
            return centered / (variance + Scalar(epsilon)).sqrt() * gamma + beta
        }
    }
}

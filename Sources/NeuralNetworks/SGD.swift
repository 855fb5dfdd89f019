import TensorModule

/// Stochastic gradient descent with momentum and weight decay, as PyTorch's `SGD`:
/// d = g + lambda p; v = mu v + d; p = p - eta v. Weight decay applies to every parameter,
/// biases included (as in Etmann et al.'s code).
public final class SGD<Scalar: TensorScalar>: Optimizer {
    public var learningRate: Double
    public let momentum: Double
    public let weightDecay: Double
    private var velocity: [ObjectIdentifier: [Scalar]] = [:]

    public init(learningRate: Double, momentum: Double = 0, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(_ parameters: [Parameter<Scalar>], gradients: [Tensor<Scalar>]) {
        let (rate, mu, decay) = (Scalar(learningRate), Scalar(momentum), Scalar(weightDecay))
        for (parameter, gradient) in zip(parameters, gradients) {
            let key = ObjectIdentifier(parameter)
            var v = velocity[key] ?? [Scalar](repeating: 0, count: gradient.count)
            var p = parameter.value.scalars
            for i in p.indices {
                v[i] = mu * v[i] + gradient.scalars[i] + decay * p[i]
                p[i] -= rate * v[i]
            }
            velocity[key] = v
            parameter.value = Tensor(shape: parameter.value.shape, scalars: p)
        }
    }
}

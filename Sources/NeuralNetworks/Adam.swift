import TensorModule

/// Adam (Kingma & Ba 2015): m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
/// p = p - eta (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + epsilon).
public final class Adam<Scalar: TensorScalar>: Optimizer {
    public var learningRate: Double
    public let beta1: Double, beta2: Double, epsilon: Double
    private var moments: [ObjectIdentifier: (first: [Scalar], second: [Scalar])] = [:]
    private var steps = 0

    public init(learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        (self.beta1, self.beta2, self.epsilon) = (beta1, beta2, epsilon)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(_ parameters: [Parameter<Scalar>], gradients: [Tensor<Scalar>]) {
        steps += 1
        let correction1 = 1 - Scalar.pow(Scalar(beta1), steps)
        let correction2 = 1 - Scalar.pow(Scalar(beta2), steps)
        let (b1, b2, eps, rate) = (Scalar(beta1), Scalar(beta2), Scalar(epsilon), Scalar(learningRate))
        for (parameter, gradient) in zip(parameters, gradients) {
            let key = ObjectIdentifier(parameter)
            var (m, v) = moments[key] ?? ([Scalar](repeating: 0, count: gradient.count), [Scalar](repeating: 0, count: gradient.count))
            var p = parameter.value.scalars
            for i in p.indices {
                let g = gradient.scalars[i]
                m[i] = b1 * m[i] + (1 - b1) * g
                v[i] = b2 * v[i] + (1 - b2) * g * g
                p[i] -= rate * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + eps)
            }
            moments[key] = (m, v)
            parameter.value = Tensor(shape: parameter.value.shape, scalars: p)
        }
    }
}

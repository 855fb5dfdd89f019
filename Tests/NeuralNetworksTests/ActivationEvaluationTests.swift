import Autodiff
import Foundation
import NeuralNetworks
import TensorModule
import Testing

@Suite("Activation evaluation: one dispatch for values and derivatives")
struct ActivationEvaluationTests {
    /// Points away from ReLU's kink at 0 by far more than the finite-difference steps.
    static let points = [-7.5, -3.7, -1.3, -0.4, -0.05, 0.06, 0.6, 2.2, 5.1, 12.0]

    @Test("the scalar value is the layer's value, and sigma' and sigma'' match finite differences",
          arguments: Activation.allCases)
    func valueAndDerivatives(_ activation: Activation) {
        let tensor = Tensor<Double>(shape: [Self.points.count], scalars: Self.points)
        let layerValues = activation.apply(Variable(tensor)).value.scalars
        let (first, second) = activation.derivatives(tensor)
        for (index, z) in Self.points.enumerated() {
            #expect(abs(activation.value(z) - layerValues[index]) <= 1e-14 * max(1, abs(z)), "\(activation) at \(z)")
            let valueStep = 1e-6
            let slope = (activation.value(z + valueStep) - activation.value(z - valueStep)) / (2 * valueStep)
            #expect(abs(activation.derivative(z) - slope) < 1e-8, "\(activation)' at \(z): \(activation.derivative(z)) vs \(slope)")
            #expect(abs(first.scalars[index] - activation.derivative(z)) < 1e-14, "\(activation)' (autodiff) at \(z)")
            let derivativeStep = 1e-5
            let curvature = (activation.derivative(z + derivativeStep) - activation.derivative(z - derivativeStep)) / (2 * derivativeStep)
            #expect(abs(second.scalars[index] - curvature) < 1e-8, "\(activation)'' at \(z): \(second.scalars[index]) vs \(curvature)")
        }
    }

    @Test("piecewise-linear activations have slope 1 above 0 and their negative slope below",
          arguments: Activation.allCases)
    func negativeSlope(_ activation: Activation) {
        switch activation {
        case .relu: #expect(activation.negativeSlope == 0)
        case .leakyReLU: #expect(activation.negativeSlope == Activation.leakySlope)
        case .sigmoid, .tanh, .softplus: #expect(activation.negativeSlope == nil)
        }
        guard let slope = activation.negativeSlope else { return }
        #expect(activation.derivative(-2) == slope && activation.derivative(2) == 1)
        #expect(activation.value(-2) == -2 * slope && activation.value(2) == 2)
    }

    @Test("Float layers use the same leaky slope as Double ones")
    func floatLeakySlope() {
        let x = Variable(Tensor<Float>(shape: [2], scalars: [-3, 4]))
        #expect(Activation.leakyReLU.apply(x).value.scalars == [-3 * Float(Activation.leakySlope), 4])
    }
}

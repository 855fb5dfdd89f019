import NeuralNetworks
import Robustness
import TensorModule
import Testing

@Suite("Singla & Feizi 2020: targeted L2 PGD for empirical robust accuracy")
struct TargetedProjectedGradientDescentTests {
    /// Two classes in 2-D split by x_1 = x_2: the distance from (a, b) to the boundary is |a - b| / sqrt 2.
    static func linearClassifier() -> Classifier<Double> {
        let model = Sequential<Double>(ModelSpec(name: "linear", inputShape: [2], layers: [.dense(units: 2)]), seed: 1)
        model.parameters[0].value = Tensor(shape: [2, 2], scalars: [1, 0, 0, 1])
        model.parameters[1].value = Tensor(shape: [2], scalars: [0, 0])
        return Classifier(model, bounds: -10...10)
    }

    @Test("succeeds exactly when the radius exceeds the distance to the target's region", arguments: [
        (0.3, false), (0.4, false), (0.45, true), (1.0, true),
    ])
    func radiusDecides(radius: Double, expected: Bool) throws {
        let inputs = Tensor<Double>(shape: [1, 2], scalars: [0.6, 0.0])
        let attack = TargetedProjectedGradientDescent<Double>(radius: radius)
        let result = try AttackDriver.attack(attack, classifier: Self.linearClassifier(), inputs: inputs, criterion: .targeted(targets: [1]))
        #expect(result.success[0] == expected, "distance to the boundary is \(0.6 / 2.0.squareRoot())")
        let perturbation = (result.clipped - inputs).l2Norm()
        #expect(perturbation <= radius + 1e-12)
    }

    @Test("an untargeted criterion is refused with what to pass instead")
    func needsTargets() {
        let inputs = Tensor<Double>(shape: [1, 2], scalars: [0.6, 0.0])
        #expect(throws: AttackError.self) {
            try AttackDriver.attack(TargetedProjectedGradientDescent<Double>(radius: 1), classifier: Self.linearClassifier(),
                                    inputs: inputs, criterion: .misclassification(labels: [0]))
        }
    }
}

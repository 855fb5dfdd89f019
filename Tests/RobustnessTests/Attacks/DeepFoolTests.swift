import Autodiff
import Certification
import NeuralNetworks
import Robustness
import TensorModule
import Testing

@Suite("DeepFool (L2)")
struct DeepFoolTests {
    @Test("on a linear classifier one step reaches the exact minimum, times 1 + overshoot")
    func linear() throws {
        var generator = SeededGenerator(seed: 21)
        let weight = Tensor<Double>.randomNormal(shape: [8, 5], using: &generator)
        let bias = Tensor<Double>.randomNormal(shape: [5], using: &generator)
        let inputs = Tensor<Double>.randomNormal(shape: [10, 8], using: &generator)
        let (w, b) = (Variable(weight), Variable(bias))
        let classifier = Classifier<Double>(bounds: -1e9...1e9) { $0.matmul(w) + b }
        let labels = classifier.predictions(inputs)
        let result = try AttackDriver.attack(DeepFool(overshoot: 0.02), classifier: classifier, inputs: inputs,
                                             criterion: .misclassification(labels: labels))
        let exact = LinearClassifierBound(weight: weight, bias: bias).bounds(inputs)
        for row in 0..<10 {
            #expect(result.success[row])
            #expect(abs(result.distances[row] - 1.02 * exact[row].bound) < 1e-9 * max(1, exact[row].bound))
        }
    }

    @Test("on a ReLU network every adversarial really changes the class")
    func network() throws {
        let model = Sequential<Double>(ModelSpec(name: "mlp", inputShape: [6], layers: [
            .dense(units: 12), .activation(.relu), .dense(units: 4),
        ]), seed: 4)
        var generator = SeededGenerator(seed: 5)
        let inputs = Tensor<Double>.randomUniform(shape: [10, 6], lower: -1, upper: 1, using: &generator)
        let classifier = Classifier(model, bounds: -10...10)
        let labels = classifier.predictions(inputs)
        let result = try AttackDriver.attack(DeepFool(), classifier: classifier, inputs: inputs, criterion: .misclassification(labels: labels))
        #expect(result.success.filter { $0 }.count >= 9)
        for row in 0..<10 where result.success[row] { #expect(result.adversarialClasses[row] != labels[row]) }
        #expect(throws: AttackError.self) {
            try AttackDriver.attack(DeepFool(), classifier: classifier, inputs: inputs, criterion: .targeted(targets: labels))
        }
    }
}

import Certification
import NeuralNetworks
import Robustness
import TensorModule
import Testing

@Suite("Peck et al. 2017: no MLP bound exceeds the perturbation an attack finds")
struct MultilayerPerceptronSoundnessTests {
    @Test("the corrected Thm 4.2 bound is below every FGS and FGV perturbation on random MLPs",
          arguments: [Activation.tanh, .sigmoid])
    func soundness(_ activation: Activation) throws {
        var generator = SeededGenerator(seed: 40)
        for network in 0..<5 {
            let spec = ModelSpec(name: "random mlp", inputShape: [4], layers: [
                .dense(units: 10), .activation(activation), .dense(units: 10), .activation(activation), .dense(units: 5),
            ])
            let model = Sequential<Double>(spec, seed: UInt64(network))
            let mlp = try MultilayerPerceptronBound(model)
            let inputs = Tensor<Double>.randomUniform(shape: [10, 4], lower: -1, upper: 1, using: &generator)
            let classifier = Classifier(model, bounds: -1e6...1e6)
            let labels = classifier.predictions(inputs)
            let bounds = try mlp.bounds(inputs, variant: .corrected)
            for direction in [FastGradientSearch<Double>.Direction.sign, .value] {
                let result = try AttackDriver.attack(FastGradientSearch(direction: direction, maximumStep: 50, tolerance: 1e-7),
                                                     classifier: classifier, inputs: inputs, criterion: .misclassification(labels: labels))
                for row in 0..<10 where result.success[row] {
                    #expect(bounds[row].bound <= result.distances[row] + 1e-9,
                            "network \(network) input \(row): bound \(bounds[row].bound) > attack distance \(result.distances[row])")
                    #expect(bounds[row].predicted == labels[row])
                }
            }
        }
    }
}

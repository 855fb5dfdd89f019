import NeuralNetworks
import TensorModule

/// Runs a Table 4.2 test: random tanh MLPs, compared with `MultilayerPerceptronComparison`
/// (largest attack step 1000).
public enum RandomNetworkRunner {
    public static func run(_ test: RandomNetworkTest, seed: UInt64) throws -> RandomNetworkOutcome {
        var generator = SeededGenerator(seed: seed)
        var outcome = RandomNetworkOutcome()
        let spec = ModelSpec(name: "random MLP", inputShape: [test.dimension],
                             layers: (0..<test.layers).flatMap { _ in [LayerSpec.dense(units: test.units), .activation(.tanh)] }
                                 + [.dense(units: test.classes)])
        for _ in 0..<test.networks {
            let model = Sequential<Double>(spec, seed: generator.next())
            for parameter in model.parameters {
                parameter.value = .randomUniform(shape: parameter.value.shape, lower: test.parameterInterval.lowerBound,
                                                 upper: test.parameterInterval.upperBound, using: &generator)
            }
            let inputs = Tensor<Double>.randomUniform(shape: [test.samples, test.dimension], lower: test.sampleInterval.lowerBound,
                                                      upper: test.sampleInterval.upperBound, using: &generator)
            let comparison = try MultilayerPerceptronComparison.measure(model, inputs: inputs, maximumStep: 1_000)
            outcome.comparison = outcome.comparison + comparison
            if !comparison.summary.deviations.isEmpty { outcome.networkMeans.append(comparison.summary.mean) }
        }
        return outcome
    }
}

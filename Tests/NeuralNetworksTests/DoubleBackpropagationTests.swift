import Autodiff
import NeuralNetworks
import TensorModule
import Testing
import _TestSupport

@Suite("Double backpropagation (Etmann et al. 2019)")
struct DoubleBackpropagationTests {
    let spec = ModelSpec(name: "small", inputShape: [5], layers: [.dense(units: 4), .activation(.softplus), .dense(units: 3)])

    @Test("the penalty is lambda / B^2 times the mean squared per-example input gradient")
    func scaling() {
        let model = Sequential<Double>(spec, seed: 1)
        var generator = SeededGenerator(seed: 2)
        let inputs = Tensor<Double>.randomNormal(shape: [4, 5], using: &generator)
        let labels = [0, 2, 1, 2]
        model.bindParameters(requiresGradient: false)
        let x = Variable(inputs, requiresGradient: true)
        let loss = Loss.crossEntropy(logits: model.forward(x), labels: labels)
        let penalty = DoubleBackpropagation.penalty(loss: loss, input: x, lambda: 100).value.scalars[0]
        var expected = 0.0
        for row in 0..<4 {
            let single = Variable(inputs.rows(row..<(row + 1)), requiresGradient: true)
            let perExample = gradient(of: Loss.crossEntropy(logits: model.forward(single), labels: [labels[row]]), wrt: [single])[0].value
            expected += (perExample * perExample).sum()
        }
        #expect(abs(penalty - 100 / 16 * expected / 4) < 1e-12)
    }

    @Test("its gradient w.r.t. the weights matches finite differences")
    func weightGradient() {
        let model = Sequential<Double>(spec, seed: 3)
        var generator = SeededGenerator(seed: 4)
        let inputs = Tensor<Double>.randomNormal(shape: [3, 5], using: &generator)
        let loss = DoubleBackpropagation.batchLoss(lambda: 50) as Trainer.BatchLoss<Double>
        let check = checkGradient({ variables in
            for (parameter, variable) in zip(model.parameters, variables) { parameter.bind(variable) }
            return loss(model, inputs, [1, 0, 2], .inference).loss
        }, at: model.parameters.map(\.value))
        #expect(check.firstOrderError < 1e-6, "\(check)")
    }
}

import Margin

/// The numerical-core workloads (issue 3, a–d) against JAX in bench/peers/jax_core.py, with
/// the same shapes: Etmann's MNIST CNN on a batch of 100 (NLL gradient, and with the
/// double-backprop penalty), 784-1024-...-10 sigmoid MLPs of 2, 3 and 4 layers, and CRC's
/// inner loop (600 gradients of a logit difference for 150 inputs).
let coreWorkloads: [Workload] = [
    Workload(name: "cnn-nll-grad", peer: "jax") {
        let (model, images, labels) = etmannBatch()
        return { _ = parameterGradient(model, images, labels, penalty: nil) }
    },
    Workload(name: "cnn-double-backprop", peer: "jax") {
        let (model, images, labels) = etmannBatch()
        return { _ = parameterGradient(model, images, labels, penalty: 100) }
    },
    mlpWorkload(depth: 2), mlpWorkload(depth: 3), mlpWorkload(depth: 4),
    Workload(name: "crc-inner-loop", peer: "jax") {
        let model = Sequential<Float>(sigmoidMLP(depth: 2), seed: 3)
        var generator = SeededGenerator(seed: 2)
        let points = Tensor<Float>.randomUniform(shape: [150, 784], using: &generator)
        var seed = Tensor<Float>(repeating: 0, shape: [150, 10])
        for row in 0..<150 {
            seed.scalars[row * 10 + (row + 1) % 10] = 1
            seed.scalars[row * 10 + row % 10] = -1
        }
        model.bindParameters(requiresGradient: false)
        return {
            var x = points
            for _ in 0..<600 {
                let input = Variable(x, requiresGradient: true)
                let step = gradient(of: model.forward(input), wrt: [input], seed: seed)[0].value
                x = x - step * 1e-3
            }
        }
    },
]

func etmannBatch() -> (Sequential<Float>, Tensor<Float>, [Int]) {
    let spec = ModelSpec(name: "Etmann MNIST CNN", inputShape: [1, 28, 28], layers: [
        .conv2d(filters: 32, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .conv2d(filters: 64, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .conv2d(filters: 128, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .flatten, .dense(units: 128), .activation(.relu), .dense(units: 10),
    ])
    var generator = SeededGenerator(seed: 1)
    return (Sequential(spec, seed: 0), .randomUniform(shape: [100, 1, 28, 28], using: &generator), (0..<100).map { $0 % 10 })
}

func sigmoidMLP(depth: Int) -> ModelSpec {
    ModelSpec(name: "MLP \(depth)", inputShape: [784],
              layers: (0..<(depth - 1)).flatMap { _ in [LayerSpec.dense(units: 1024), .activation(.sigmoid)] } + [.dense(units: 10)])
}

func mlpWorkload(depth: Int) -> Workload {
    Workload(name: "mlp\(depth)-sigmoid-grad", peer: "jax") {
        let model = Sequential<Float>(sigmoidMLP(depth: depth), seed: 0)
        var generator = SeededGenerator(seed: 1)
        let inputs = Tensor<Float>.randomUniform(shape: [100, 784], using: &generator)
        let labels = (0..<100).map { $0 % 10 }
        return { _ = parameterGradient(model, inputs, labels, penalty: nil) }
    }
}

/// d/dtheta of the NLL, plus Etmann's double-backprop penalty with weight `penalty` when given.
func parameterGradient(_ model: Sequential<Float>, _ inputs: Tensor<Float>, _ labels: [Int], penalty: Float?) -> [Tensor<Float>] {
    model.bindParameters(requiresGradient: true)
    let x = Variable(inputs, requiresGradient: penalty != nil)
    var loss = Loss.crossEntropy(logits: model.forward(x), labels: labels)
    if let penalty {
        loss = loss + DoubleBackpropagation.penalty(loss: loss, input: x, lambda: Double(penalty))
    }
    return gradient(of: loss, wrt: model.parameters.map(\.variable)).map(\.value)
}

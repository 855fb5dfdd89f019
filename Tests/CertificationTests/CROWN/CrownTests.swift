import Autodiff
import Certification
import Foundation
import NeuralNetworks
import TensorModule
import Testing

@Suite("CROWN for L2 balls (Zhang et al. 2018)")
struct CrownTests {
    @Test("relaxations enclose the activation on random intervals", arguments: [
        Activation.sigmoid, .tanh, .softplus, .relu, .leakyReLU,
    ])
    func relaxationsAreSound(_ activation: Activation) {
        var generator = SeededGenerator(seed: 9)
        let centers = (0..<200).map { _ in 8 * generator.nextUniform() - 4 }
        let widths = (0..<200).map { _ in 6 * generator.nextUniform() * generator.nextUniform() }
        let lower = zip(centers, widths).map { $0 - $1 / 2 }, upper = zip(centers, widths).map { $0 + $1 / 2 }
        let relaxation = LinearRelaxation(activation, lower: lower, upper: upper)
        for i in 0..<200 {
            for step in 0...50 {
                let z = lower[i] + (upper[i] - lower[i]) * Double(step) / 50
                let value = Self.apply(activation, z)
                #expect(relaxation.lowerSlope[i] * z + relaxation.lowerOffset[i] <= value + 1e-12)
                #expect(relaxation.upperSlope[i] * z + relaxation.upperOffset[i] >= value - 1e-12)
            }
        }
    }

    @Test("the lower bound never exceeds f in the ball, and the radius never exceeds a boundary point",
          arguments: [(2, Activation.sigmoid), (3, .tanh), (4, .softplus), (3, .relu)])
    func soundOnRandomNetworks(depth: Int, activation: Activation) throws {
        var generator = SeededGenerator(seed: 12)
        let (model, inputs, labels, targets) = Self.randomCase(depth: depth, activation: activation, units: 8, inputs: 5,
                                                               classes: 3, rows: 8, seed: UInt64(depth), using: &generator)
        let crown = CrownCertificate(try FullyConnectedNetwork(model))
        var certified = 0
        for row in 0..<8 {
            let x0 = inputs.rows(row..<(row + 1))
            let function = LogitDifference(model: model, labels: [labels[row]], targets: [targets[row]])
            let bound = crown.lowerBound(input: x0.reshaped([5]), label: labels[row], target: targets[row], radius: 0.3)
            for _ in 0..<50 {
                let direction = Tensor<Double>.randomNormal(shape: [1, 5], using: &generator)
                let point = x0 + direction * (0.3 * generator.nextUniform() / direction.l2Norm())
                #expect(bound <= function.evaluate(point).values[0] + 1e-12)
            }
            let radius = crown.radius(input: x0.reshaped([5]), label: labels[row], target: targets[row])
            let gradient = function.evaluate(x0).gradient
            let boundary = boundaryDistance(function, from: x0, along: -gradient)
            #expect(radius <= boundary * (1 + 1e-9), "row \(row): CROWN \(radius) beyond the boundary at \(boundary)")
            if radius > 0 { certified += 1 }
        }
        #expect(certified > 0)
    }

    @Test("the radius is the largest positive one to the bisection's resolution", arguments: [
        (2, Activation.sigmoid, 10), (3, .tanh, 14), (4, .softplus, 6), (3, .relu, 10),
    ])
    func radiusMatchesBisection(depth: Int, activation: Activation, steps: Int) throws {
        var generator = SeededGenerator(seed: 31)
        let (model, inputs, labels, targets) = Self.randomCase(depth: depth, activation: activation, units: 12, inputs: 6,
                                                               classes: 4, rows: 10, seed: UInt64(depth + 20), using: &generator)
        let crown = CrownCertificate(try FullyConnectedNetwork(model))
        let options = CrownCertificate.Options(bisectionSteps: steps, initialRadius: 0.05)
        for row in 0..<10 {
            let x0 = inputs.rows(row..<(row + 1)).reshaped([6])
            let positive = { (eps: Double) in crown.lowerBound(input: x0, label: labels[row], target: targets[row], radius: eps) > 0 }
            var (low, high) = (0.0, options.initialRadius)
            while positive(high) { (low, high) = (high, 2 * high) }
            let resolution = (high - low) / Double(1 << steps)
            for _ in 0..<steps {
                let middle = (low + high) / 2
                if positive(middle) { low = middle } else { high = middle }
            }
            let radius = crown.radius(input: x0, label: labels[row], target: targets[row], options: options)
            #expect(radius == 0 || positive(radius), "row \(row): the bound is not positive at \(radius)")
            #expect(abs(radius - low) <= resolution, "row \(row): \(radius) against bisection's \(low), resolution \(resolution)")
        }
    }

    /// A random MLP of `depth` dense layers, random normal inputs, the predicted labels and runner-up targets.
    private static func randomCase(depth: Int, activation: Activation, units: Int, inputs: Int, classes: Int, rows: Int,
                                   seed: UInt64, using generator: inout SeededGenerator)
        -> (model: Sequential<Double>, inputs: Tensor<Double>, labels: [Int], targets: [Int]) {
        var layers: [LayerSpec] = []
        for _ in 0..<(depth - 1) { layers += [.dense(units: units), .activation(activation)] }
        let model = Sequential<Double>(ModelSpec(name: "mlp", inputShape: [inputs], layers: layers + [.dense(units: classes)]), seed: seed)
        let points = Tensor<Double>.randomNormal(shape: [rows, inputs], using: &generator)
        let logits = model.predict(points)
        let labels = logits.argmaxRows()
        return (model, points, labels, LogitDifference<Double>.targets(logits: logits, labels: labels, rule: .runnerUp))
    }

    private static func apply(_ activation: Activation, _ z: Double) -> Double {
        let x = Variable(Tensor<Double>(shape: [1], scalars: [z]))
        switch activation {
        case .sigmoid: return x.sigmoid().value.scalars[0]
        case .tanh: return x.tanh().value.scalars[0]
        case .softplus: return x.softplus().value.scalars[0]
        case .relu: return x.relu().value.scalars[0]
        case .leakyReLU: return x.leakyRelu(slope: 0.01).value.scalars[0]
        }
    }
}

import Certification
import NeuralNetworks
import TensorModule
import Testing

/// f(x) = s (R^2 - ||x - c||^2) / 2 per row: the boundary is the sphere of radius R around c.
func sphereFunction(radius: Double, center: [Double], curvature s: Double) -> (Tensor<Double>) -> (values: [Double], gradient: Tensor<Double>) {
    { x in
        let width = center.count
        var values: [Double] = [], gradient: [Double] = []
        for row in 0..<x.shape[0] {
            let offset = (0..<width).map { x.scalars[row * width + $0] - center[$0] }
            values.append(s * (radius * radius - offset.reduce(0) { $0 + $1 * $1 }) / 2)
            gradient += offset.map { -s * $0 }
        }
        return (values, Tensor(shape: x.shape, scalars: gradient))
    }
}

/// The smallest t > 0 with f(x0 + t d) <= 0 along each direction, by bisection after doubling.
func boundaryDistance(_ function: LogitDifference<Double>, from x0: Tensor<Double>, along direction: Tensor<Double>) -> Double {
    let unit = direction * (1 / direction.l2Norm())
    var high = 0.01
    while function.evaluate(x0 + unit * high).values[0] > 0 {
        high *= 2
        if high > 1e4 { return .infinity }
    }
    var low = 0.0
    for _ in 0..<60 {
        let middle = (low + high) / 2
        if function.evaluate(x0 + unit * middle).values[0] > 0 { low = middle } else { high = middle }
    }
    return high
}

/// Random inputs [rows, 5] for `network`, their predicted labels and runner-up targets, f and its curvature bounds.
func randomProblem(_ network: FullyConnectedNetwork<Double>, rows: Int, seed: UInt64) throws
    -> (inputs: Tensor<Double>, labels: [Int], targets: [Int], function: LogitDifference<Double>, curvature: [HessianEigenvalueBounds]) {
    var generator = SeededGenerator(seed: seed)
    let inputs = Tensor<Double>.randomNormal(shape: [rows, 5], using: &generator)
    let logits = network.model.predict(inputs)
    let labels = logits.argmaxRows()
    let targets = LogitDifference<Double>.targets(logits: logits, labels: labels, rule: .runnerUp)
    return (inputs, labels, targets, LogitDifference(model: network.model, labels: labels, targets: targets),
            try LogitCurvature.bounds(network, labels: labels, targets: targets))
}

@Suite("Singla & Feizi 2020: CRC (Algorithm 1) and the curvature attack (Algorithm 2)")
struct CurvatureCertificateTests {
    @Test("CRC finds the exact distance to a spherical boundary", arguments: [
        ([0.3, -0.2, 0.1], 1.5, 2.0), ([0.0, 0.9, 0.0], 1.0, 0.5), ([-1.0, 0.5, 2.0], 3.0, 1.0),
    ])
    func sphere(start: [Double], radius: Double, curvature: Double) {
        let function = sphereFunction(radius: radius, center: [0, 0, 0], curvature: curvature)
        let x0 = Tensor(shape: [1, 3], scalars: start)
        let exact = radius - x0.l2Norm()
        let (results, points) = CurvatureCertificate.certify(
            function, inputs: x0, curvature: [HessianEigenvalueBounds(lower: -curvature, upper: curvature)])
        #expect(abs(results[0].radius - exact) < 1e-6 * radius, "\(results[0]) against \(exact)")
        #expect(results[0].radius <= exact + 1e-9)
        #expect(results[0].primalEqualsDual)
        #expect(abs(points.l2Norm() - radius) < 1e-4)
    }

    @Test("no certificate exceeds a boundary point found along the gradient, random directions or CRC's own point",
          arguments: [(2, Activation.sigmoid), (2, .tanh), (3, .sigmoid), (3, .softplus), (4, .tanh)])
    func soundOnRandomNetworks(depth: Int, activation: Activation) throws {
        let network = try smallNetwork(depth: depth, activation: activation, seed: 200 + UInt64(depth), width: 8)
        let (inputs, labels, targets, function, curvature) = try randomProblem(network, rows: 12, seed: 31)
        var generator = SeededGenerator(seed: 32)
        let (results, points) = CurvatureCertificate.certify(function.evaluate, inputs: inputs, curvature: curvature)
        var certifiedSomething = false
        for row in 0..<12 {
            let single = LogitDifference(model: network.model, labels: [labels[row]], targets: [targets[row]])
            let x0 = inputs.rows(row..<(row + 1))
            var found = boundaryDistance(single, from: x0, along: -single.evaluate(x0).gradient)
            for _ in 0..<20 {
                found = min(found, boundaryDistance(single, from: x0, along: Tensor.randomNormal(shape: [1, 5], using: &generator)))
            }
            let point = points.rows(row..<(row + 1))
            if single.evaluate(point).values[0] <= 0 { found = min(found, (point - x0).l2Norm()) }
            #expect(results[row].radius <= found * (1 + 1e-9), "row \(row): certificate \(results[row].radius) > boundary at \(found)")
            certifiedSomething = certifiedSomething || results[row].radius > 0
        }
        #expect(certifiedSomething)
    }

    @Test("local bounds hold in their ball, and the local certificate is at least the global one and still sound",
          arguments: [Activation.sigmoid, .tanh, .softplus])
    func localCertificate(_ activation: Activation) throws {
        let network = try smallNetwork(depth: 2, activation: activation, seed: 400, width: 8)
        let (inputs, labels, targets, function, curvature) = try randomProblem(network, rows: 6, seed: 41)
        var generator = SeededGenerator(seed: 42)
        let radii = [Double](repeating: 0.8, count: 6)
        let local = try LogitCurvature.localTwoLayerBounds(network, inputs: inputs, radii: radii, labels: labels, targets: targets)
        for row in 0..<6 {
            let global = try LogitCurvature.twoLayerBounds(network, label: labels[row], target: targets[row])
            #expect(local[row].upper <= global.upper * (1 + 1e-6) && local[row].lower >= global.lower * (1 + 1e-6))
            let combination = Loss.oneHot([labels[row]], classes: 3) - Loss.oneHot([targets[row]], classes: 3) as Tensor<Double>
            for _ in 0..<10 {
                let direction = Tensor<Double>.randomNormal(shape: [5], using: &generator)
                let point = inputs.rows(row..<(row + 1)).reshaped([5]) + direction * (0.8 * generator.nextUniform() / direction.l2Norm())
                let (lowest, highest) = try extremeEigenvalues(LogitHessian.closedForm(network, at: point, combination: combination.reshaped([3])))
                #expect(highest <= local[row].upper + 1e-9 && lowest >= local[row].lower - 1e-9)
            }
        }
        let global = CurvatureCertificate.certify(function.evaluate, inputs: inputs, curvature: curvature).results
        let refined = try LocalCurvatureCertificate.certify(network, function: function, inputs: inputs, global: global.map(\.radius),
                                                            refinements: 2)
        for row in 0..<6 {
            #expect(refined[row] >= global[row].radius)
            let single = LogitDifference(model: network.model, labels: [labels[row]], targets: [targets[row]])
            let x0 = inputs.rows(row..<(row + 1))
            var found = boundaryDistance(single, from: x0, along: -single.evaluate(x0).gradient)
            for _ in 0..<20 { found = min(found, boundaryDistance(single, from: x0, along: Tensor.randomNormal(shape: [1, 5], using: &generator))) }
            #expect(refined[row] <= found * (1 + 1e-9), "row \(row): local certificate \(refined[row]) beyond the boundary at \(found)")
        }
    }

    @Test("the curvature attack reaches the worst case of a linear function on the sphere")
    func attackOnLinearFunction() {
        let weight = [0.6, -0.8, 0.0]
        func function(_ x: Tensor<Double>) -> (values: [Double], gradient: Tensor<Double>) {
            var values: [Double] = [], gradient: [Double] = []
            for row in 0..<x.shape[0] {
                var value = 1.0
                for k in 0..<3 { value += weight[k] * x.scalars[row * 3 + k] }
                values.append(value)
                gradient += weight
            }
            return (values, Tensor(shape: x.shape, scalars: gradient))
        }
        let x0 = Tensor<Double>(shape: [1, 3], scalars: [0.2, 0.1, -0.3])
        let (results, points) = CurvatureAttack.attack(function, inputs: x0, radius: 0.5, curvature: [HessianEigenvalueBounds(norm: 0)])
        // The inner steps stop at ||g + eta (x - x0)|| < 1e-5, so x lags eta by up to 1e-5 / eta.
        #expect(abs(results[0].distance - 0.5) < 1e-5)
        #expect(abs(results[0].gap - (function(x0).values[0] - 0.5)) < 1e-5)
        #expect(results[0].primalEqualsDual)
        #expect(abs(points.scalars[0] - (0.2 - 0.3)) < 1e-5)
    }

    @Test("attack points stay within the ball up to the bisection's last step and lower f",
          arguments: [(2, Activation.sigmoid), (3, .tanh)])
    func attackOnNetworks(depth: Int, activation: Activation) throws {
        let network = try smallNetwork(depth: depth, activation: activation, seed: 300 + UInt64(depth), width: 8)
        let (inputs, _, _, function, curvature) = try randomProblem(network, rows: 6, seed: 5)
        let (results, _) = CurvatureAttack.attack(function.evaluate, inputs: inputs, radius: 0.3, curvature: curvature)
        let initial = function.evaluate(inputs).values
        for (row, result) in results.enumerated() {
            #expect(result.distance <= 0.3 * 1.01)
            #expect(result.gap < initial[row])
        }
    }

    @Test("targets: runner-up, least likely and random differ from the label", arguments: TargetRule.allCases)
    func targetRules(_ rule: TargetRule) {
        let logits = Tensor<Double>(shape: [2, 4], scalars: [3, 1, 2, 0, -1, 5, 4, 4.5])
        let targets = LogitDifference<Double>.targets(logits: logits, labels: [0, 1], rule: rule)
        #expect(targets[0] != 0 && targets[1] != 1)
        if rule == .runnerUp { #expect(targets == [2, 3]) }
        if rule == .leastLikely { #expect(targets == [3, 0]) }
    }
}

@Suite("Singla & Feizi 2020: CRC computed in Float")
struct FloatCertificateTests {
    /// A 2-layer sigmoid Float network on 40 inputs scaled like a trained one (logit gaps of a
    /// few units), its Double copy, and the Float certificates of 24 inputs against boundary
    /// points searched in Double: along the gradient, 10 random directions, and towards the
    /// last iterates of CRC run in Float and in Double. Without the Double verification of the
    /// dual bound, 47 of these 48 certificates lie above such a point, by up to 2.6e-6 relative.
    @Test("the Float certificate is never above a boundary point found in Double", arguments: [Activation.sigmoid, .tanh])
    func floatCertificateIsSound(_ activation: Activation) throws {
        let spec = ModelSpec(name: "mlp", inputShape: [40], layers: [.dense(units: 64), .activation(activation), .dense(units: 4)])
        let model = Sequential<Float>(spec, seed: 61)
        var generator = SeededGenerator(seed: 62)
        for parameter in model.parameters { parameter.value = parameter.value * 3 }
        let precise = Sequential<Double>(spec, seed: 0)
        for (target, source) in zip(precise.parameters, model.parameters) {
            target.value = Tensor(shape: source.value.shape, scalars: source.value.scalars.map(Double.init))
        }
        let inputs = Tensor<Float>.randomUniform(shape: [24, 40], lower: 0, upper: 1, using: &generator)
        let preciseInputs = Tensor<Double>(shape: inputs.shape, scalars: inputs.scalars.map(Double.init))
        let logits = precise.predict(preciseInputs)
        let labels = logits.argmaxRows()
        let targets = LogitDifference<Double>.targets(logits: logits, labels: labels, rule: .runnerUp)
        let network = try FullyConnectedNetwork(model), preciseNetwork = try FullyConnectedNetwork(precise)
        let function = LogitDifference(model: model, labels: labels, targets: targets)
        let (results, points) = CurvatureCertificate.certify(
            function.evaluate, inputs: inputs, curvature: try LogitCurvature.bounds(network, labels: labels, targets: targets),
            verification: function.precise.evaluate)
        let preciseFunction = LogitDifference(model: precise, labels: labels, targets: targets)
        let precisePoints = CurvatureCertificate.certify(preciseFunction.evaluate, inputs: preciseInputs,
                                                         curvature: try LogitCurvature.bounds(preciseNetwork, labels: labels, targets: targets)).points
        var certified = 0
        for row in 0..<24 {
            let single = LogitDifference(model: precise, labels: [labels[row]], targets: [targets[row]])
            let x0 = preciseInputs.rows(row..<(row + 1))
            let floatPoint = Tensor<Double>(shape: [1, 40], scalars: points.rows(row..<(row + 1)).scalars.map(Double.init))
            var directions = [single.evaluate(x0).gradient * -1, floatPoint - x0, precisePoints.rows(row..<(row + 1)) - x0]
            for _ in 0..<10 { directions.append(Tensor.randomNormal(shape: [1, 40], using: &generator)) }
            let found = directions.filter { $0.l2Norm() > 0 }.map { boundaryDistance(single, from: x0, along: $0) }.min()!
            #expect(results[row].radius <= found, "row \(row): Float certificate \(results[row].radius) > boundary at \(found)")
            if results[row].radius > 0 { certified += 1 }
        }
        #expect(certified > 12)
    }
}

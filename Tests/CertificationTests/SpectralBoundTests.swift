import Autodiff
import Certification
import NeuralNetworks
import TensorModule
import Testing

@Suite("Spectral bounds on the safe side of LAPACK (Singla & Feizi Thms 3 and 4, Peck Thm 4.2)")
struct SpectralBoundTests {
    @Test("||W||_2 bounds of random Float matrices are never below LAPACK's and at most 1e-8 above", arguments: [
        (3, 5, 1), (40, 40, 2), (200, 120, 3), (120, 200, 4), (784, 64, 5),
    ])
    func spectralNorms(rows: Int, columns: Int, seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let matrix = Tensor<Float>.randomNormal(shape: [rows, columns], using: &generator)
        let exact = try Tensor<Double>(shape: [rows, columns], scalars: matrix.scalars.map(Double.init)).singularValues()[0]
        let bound = try SpectralBound.spectralNorm(of: matrix)
        #expect(bound >= exact && bound <= exact * (1 + 1e-8), "bound \(bound), LAPACK \(exact)")
    }

    /// Tight (1e-6 relative) on positive semi-definite matrices, whose power iteration estimate
    /// is lambda_max; on indefinite ones only safe.
    @Test("lambda_max bounds of random symmetric matrices are never below LAPACK's", arguments: [
        (7, false), (60, false), (300, false), (60, true), (300, true),
    ])
    func largestEigenvalues(size: Int, semidefinite: Bool) throws {
        var generator = SeededGenerator(seed: UInt64(size))
        let b = Tensor<Double>.randomNormal(shape: [size, size], using: &generator)
        let symmetric = semidefinite ? b.matmul(b, transposeSelf: true) : b + b.transposed
        let exact = try symmetric.symmetricEigenvalues().last!
        let bound = try SpectralBound.largestEigenvalue(of: symmetric)
        #expect(bound >= exact && (!semidefinite || bound <= exact * (1 + 1e-6)), "bound \(bound), LAPACK \(exact)")
        #expect(try SpectralBound.largestEigenvalue(of: symmetric, formationError: 0.5) >= bound + 0.5)
    }

    @Test("Thm 3's M and m of random 2-layer Float networks enclose LAPACK's eigenvalues of P and N, within 1e-7", arguments: [
        (Activation.sigmoid, 1), (.tanh, 2), (.softplus, 3),
    ] as [(Activation, UInt64)])
    func twoLayerBounds(_ activation: Activation, seed: UInt64) throws {
        let model = Sequential<Float>(ModelSpec(name: "mlp", inputShape: [30], layers: [
            .dense(units: 50), .activation(activation), .dense(units: 4)]), seed: seed)
        let network = try FullyConnectedNetwork(model)
        let first = network.preciseWeights[0]
        let constants = ActivationDerivativeBounds.of(activation)
        let (low, high) = (min(constants.secondLower, 0), max(constants.secondUpper, 0))
        for (label, target) in [(0, 1), (2, 3), (3, 0)] {
            let w = network.outputDifference(label: label, target: target)
            func form(_ coefficient: (Double) -> Double) -> Tensor<Double> {
                var matrix = Tensor<Double>(repeating: 0, shape: [30, 30])
                for unit in 0..<50 {
                    let p = coefficient(w[unit])
                    for k in 0..<30 { for l in 0..<30 { matrix.scalars[k * 30 + l] += p * first.scalars[k * 50 + unit] * first.scalars[l * 50 + unit] } }
                }
                return matrix
            }
            let highest = try form { $0 * ($0 >= 0 ? high : low) }.symmetricEigenvalues().last!
            let lowest = try form { $0 * ($0 >= 0 ? low : high) }.symmetricEigenvalues().first!
            let bounds = try LogitCurvature.twoLayerBounds(network, label: label, target: target)
            #expect(bounds.upper >= highest && bounds.upper <= highest * (1 + 1e-7), "M \(bounds.upper), LAPACK \(highest)")
            #expect(bounds.lower <= min(lowest, 0) && bounds.lower >= lowest * (1 + 1e-7), "m \(bounds.lower), LAPACK \(lowest)")
        }
    }

    @Test("Thm 4's K of random deep Float networks is never below K from LAPACK's singular values", arguments: [3, 4])
    func deepNetworkBound(depth: Int) throws {
        var layers: [LayerSpec] = []
        for _ in 0..<(depth - 1) { layers += [.dense(units: 40), .activation(.sigmoid)] }
        let network = try FullyConnectedNetwork(Sequential<Float>(ModelSpec(name: "mlp", inputShape: [25], layers: layers + [.dense(units: 5)]),
                                                                  seed: UInt64(depth)))
        let (labels, targets) = ([0, 1, 4, 2], [1, 0, 2, 3])
        let precise = try FullyConnectedNetwork(Sequential<Double>(network.model.spec, seed: 0))
        for (layer, weight) in zip(precise.denseLayers, network.preciseWeights) { layer.weight.value = weight }
        let norms = try precise.weights.dropLast().map { Variable(Tensor<Double>(try $0.singularValues()[0])) }
        let exact = LogitCurvature.deepNetworkBound(precise, spectralNorms: Array(norms), labels: labels, targets: targets).value.scalars
        let bounds = try LogitCurvature.deepNetworkBound(network, labels: labels, targets: targets)
        for (bound, value) in zip(bounds, exact) { #expect(bound >= value && bound <= value * (1 + 1e-8), "K \(bound), with LAPACK's norms \(value)") }
    }

    @Test("Peck's MLP bound uses ||J(x)|| never below LAPACK's, so the lower bound is never above its LAPACK value",
          arguments: [Activation.tanh, .sigmoid])
    func jacobianNorms(_ activation: Activation) throws {
        let model = Sequential<Double>(ModelSpec(name: "mlp", inputShape: [12], layers: [
            .dense(units: 9), .activation(activation), .dense(units: 7), .activation(activation), .dense(units: 3)]), seed: 17)
        let mlp = try MultilayerPerceptronBound(model)
        var generator = SeededGenerator(seed: 18)
        let inputs = Tensor<Double>.randomUniform(shape: [20, 12], lower: -1, upper: 1, using: &generator)
        let results = try mlp.bounds(inputs)
        for (row, result) in results.enumerated() {
            let x = Variable(inputs.rows(row..<(row + 1)), requiresGradient: true)
            let jacobian = Tensor(shape: [7, 12], scalars: jacobianRows(of: mlp.hidden(x), wrt: x).flatMap(\.scalars))
            let exact = try jacobian.singularValues()[0]
            #expect(result.jacobianNorm >= exact && result.jacobianNorm <= exact * (1 + 1e-8), "row \(row): \(result.jacobianNorm) against \(exact)")
        }
    }
}

import Autodiff
import Certification
import NeuralNetworks
import TensorModule
import Testing
import _TestSupport

/// A small random MLP (5 inputs, hidden 6-wide layers, 3 classes) in Float64.
func smallNetwork(depth: Int, activation: Activation, seed: UInt64, width: Int = 6) throws -> FullyConnectedNetwork<Double> {
    var layers: [LayerSpec] = []
    for _ in 0..<(depth - 1) { layers += [.dense(units: width), .activation(activation)] }
    let model = Sequential<Double>(ModelSpec(name: "mlp", inputShape: [5], layers: layers + [.dense(units: 3)]), seed: seed)
    var generator = SeededGenerator(seed: seed + 100)
    for parameter in model.parameters where parameter.value.rank == 1 {
        parameter.value = Tensor.randomNormal(shape: parameter.value.shape, standardDeviation: 0.5, using: &generator)
    }
    return try FullyConnectedNetwork(model)
}

/// The Hessian of f = z_y - z_t at x [1, D] column by column from autodiff's Hessian-vector products.
func autodiffHessian(_ network: FullyConnectedNetwork<Double>, at x: Tensor<Double>, label: Int, target: Int) -> Tensor<Double> {
    let dimension = x.count
    let combination = Variable(Loss.oneHot([label], classes: 3) - Loss.oneHot([target], classes: 3) as Tensor<Double>)
    var columns: [Double] = []
    for k in 0..<dimension {
        var basis = Tensor<Double>(repeating: 0, shape: [1, dimension])
        basis.scalars[k] = 1
        let product = hessianVectorProduct(of: { input in
            network.model.forward(input).matmul(combination, transposeOther: true).sum()
        }, at: x, vector: basis)
        columns += product.scalars
    }
    return Tensor(shape: [dimension, dimension], scalars: columns).transposed
}

/// The extreme eigenvalues of a small symmetric matrix (LAPACK).
func extremeEigenvalues(_ matrix: Tensor<Double>) throws -> (lowest: Double, highest: Double) {
    let values = try matrix.symmetricEigenvalues()
    return (values.first!, values.last!)
}

@Suite("Singla & Feizi 2020: Hessian and curvature bounds (Lemma 1, Thms 3 and 4, App. F)")
struct LogitCurvatureTests {
    /// sup |sigmoid''| = sqrt(3) / 18 and sup |tanh''| = 4 / (3 sqrt(3)).
    static let sigmoidCurvature: Double = 3.0.squareRoot() / 18
    static let tanhCurvature: Double = 4 / (3 * 3.0.squareRoot())

    @Test("App. F constants g, h, h_L, h_U, computed", arguments: [
        (Activation.sigmoid, 0.25, sigmoidCurvature, -sigmoidCurvature, sigmoidCurvature),
        (.tanh, 1.0, tanhCurvature, -tanhCurvature, tanhCurvature),
        (.softplus, 1.0, 0.25, 0.0, 0.25),
    ])
    func constants(_ activation: Activation, g: Double, h: Double, lower: Double, upper: Double) {
        let bounds = ActivationDerivativeBounds.of(activation)
        #expect(abs(bounds.first - g) < 1e-9)
        #expect(abs(bounds.second - h) < 1e-9)
        #expect(abs(bounds.secondLower - lower) < 1e-9)
        #expect(abs(bounds.secondUpper - upper) < 1e-9)
    }

    @Test("Lemma 1's closed form equals autodiff's Hessian", arguments: [
        (2, Activation.sigmoid), (3, .tanh), (4, .softplus), (3, .sigmoid),
    ])
    func closedForm(depth: Int, activation: Activation) throws {
        let network = try smallNetwork(depth: depth, activation: activation, seed: UInt64(depth))
        var generator = SeededGenerator(seed: 3)
        let x = Tensor<Double>.randomNormal(shape: [1, 5], using: &generator)
        let closed = LogitHessian.closedForm(network, at: x.reshaped([5]), combination: Tensor(shape: [3], scalars: [1, 0, -1]))
        let reference = autodiffHessian(network, at: x, label: 0, target: 2)
        #expect(relativeError(closed, reference) < 1e-10)
    }

    @Test("true Hessian eigenvalues lie in Thm 3's [m, M] and Thm 4's [-K, K] at random inputs", arguments: [
        (2, Activation.sigmoid), (2, .tanh), (2, .softplus), (3, .sigmoid), (3, .tanh), (4, .softplus),
    ])
    func eigenvaluesInsideBounds(depth: Int, activation: Activation) throws {
        let network = try smallNetwork(depth: depth, activation: activation, seed: 40 + UInt64(depth))
        let k = try LogitCurvature.deepNetworkBound(network, labels: [1], targets: [0])[0]
        let twoLayer = depth == 2 ? try LogitCurvature.twoLayerBounds(network, label: 1, target: 0) : nil
        if let twoLayer { #expect(max(abs(twoLayer.lower), twoLayer.upper) <= k * (1 + 1e-9)) }
        var generator = SeededGenerator(seed: 11)
        var largest = 0.0
        for _ in 0..<20 {
            let x = Tensor<Double>.randomNormal(shape: [5], standardDeviation: 2, using: &generator)
            let hessian = LogitHessian.closedForm(network, at: x, combination: Tensor(shape: [3], scalars: [-1, 1, 0]))
            let (lowest, highest) = try extremeEigenvalues(hessian)
            #expect(max(abs(lowest), abs(highest)) <= k * (1 + 1e-9))
            if let twoLayer {
                #expect(highest <= twoLayer.upper + 1e-9 * k)
                #expect(lowest >= twoLayer.lower - 1e-9 * k)
            }
            largest = max(largest, abs(lowest), abs(highest))
        }
        #expect(largest > 0)
    }

    @Test("the curvature penalty's gradient (u v^T through spectral norms) matches finite differences",
          arguments: [(2, Activation.sigmoid), (3, .tanh), (4, .sigmoid)])
    func penaltyGradient(depth: Int, activation: Activation) throws {
        let network = try smallNetwork(depth: depth, activation: activation, seed: 70 + UInt64(depth))
        let weights = network.weights
        let check = checkGradient({ variables in
            for (layer, variable) in zip(network.denseLayers, variables) { layer.weight.bind(variable) }
            let norms = variables.dropLast().map { weight -> Variable<Double> in
                let triple = PowerIteration.largestSingularValue(of: weight.value, iterations: 5000, tolerance: 1e-15)
                return Variable(triple.left.reshaped([1, -1])).matmul(weight).matmul(Variable(triple.right.reshaped([-1, 1]))).reshaped([])
            }
            return LogitCurvature.deepNetworkBound(network, spectralNorms: norms, labels: [0, 2], targets: [1, 1]).sum()
        }, at: weights, step: 1e-6)
        #expect(check.firstOrderError < 1e-5, "\(check)")
    }

    @Test("the spectral norm estimator converges to the singular value and warm-starts")
    func spectralNorms() throws {
        let network = try smallNetwork(depth: 3, activation: .sigmoid, seed: 5)
        let estimator = SpectralNormEstimator<Double>()
        let first = estimator.hiddenLayerNorms(network).map { $0.value.scalars[0] }
        let second = estimator.hiddenLayerNorms(network).map { $0.value.scalars[0] }
        for (layer, weight) in network.weights.dropLast().enumerated() {
            let exact = try weight.singularValues()[0]
            #expect(abs(first[layer] - exact) < 1e-5 * exact)
            #expect(abs(second[layer] - exact) < 1e-5 * exact)
        }
    }

    /// A 2-layer sigmoid network on 4 inputs whose Hessian at x = 0 is
    /// s^2 sum_i w_i sigma''(b_i) e_i e_i^T over 3 hidden units (first-layer weights s e_i):
    /// with b = (-1.3, 1.3, ...) the two extreme eigenvalues have equal magnitudes and opposite
    /// signs, where the Rayleigh quotient of power iteration cancels. The 16 rows start from
    /// different random vectors; the Rayleigh quotient |v^T H v| fell below 0.99 ||H|| on 60 of
    /// the 64 rows, down to 0.03 ||H||.
    @Test("K_lb is within 1% of the exact ||Hessian|| when the extreme eigenvalues nearly cancel", arguments: [
        [-1.3, 1.3, 0.2], [-1.3, 1.29, -0.5], [1.0, -1.0, 3.0], [-2.0, 1.98, 0.0],
    ])
    func curvatureLowerBound(biases: [Double]) throws {
        let network = try smallNetwork(depth: 2, activation: .sigmoid, seed: 9, width: 3)
        var first = Tensor<Double>(repeating: 0, shape: [5, 3])
        for unit in 0..<3 { first.scalars[unit * 3 + unit] = 2 }
        network.denseLayers[0].weight.value = first
        network.denseLayers[0].bias!.value = Tensor(shape: [3], scalars: biases)
        network.denseLayers[1].weight.value = Tensor(shape: [3, 3], scalars: [1, 0, 0, 1, 0, 0, 1, 0, 0])
        let x = Tensor<Double>(repeating: 0, shape: [16, 5])
        let function = LogitDifference(model: network.model, labels: Array(repeating: 0, count: 16), targets: Array(repeating: 1, count: 16))
        let hessian = LogitHessian.closedForm(network, at: x.rows(0..<1).reshaped([5]), combination: Tensor(shape: [3], scalars: [1, -1, 0]))
        let (lowest, highest) = try extremeEigenvalues(hessian)
        let exact = max(-lowest, highest)
        for (row, estimate) in HessianSpectrum.dominantEigenvalues(function, at: x).enumerated() {
            #expect(estimate <= exact * (1 + 1e-12), "row \(row): K_lb \(estimate) above ||H|| = \(exact)")
            #expect(estimate >= 0.99 * exact, "row \(row): K_lb \(estimate) against ||H|| = \(exact) (eigenvalues \(lowest), \(highest))")
        }
    }

    @Test("a model that is not a single-activation MLP is refused with what was found")
    func unsupported() {
        let model = Sequential<Double>(ModelSpec(name: "cnn", inputShape: [1, 4, 4], layers: [
            .conv2d(filters: 2, kernel: 3), .activation(.relu), .flatten, .dense(units: 3),
        ]), seed: 1)
        #expect(throws: CertificationError.self) { try FullyConnectedNetwork(model) }
    }
}

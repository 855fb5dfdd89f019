import Autodiff
import Certification
import Foundation
import NeuralNetworks
import TensorModule
import Testing

@Suite("Peck et al. 2017: per-layer bounds of Algorithm 5.1 (Thms 5.1, 5.3, 5.6, 5.9)")
struct LayerRobustnessBoundTests {
    /// A one-layer model of `spec` on inputs of `shape`, with batch-norm statistics drawn at random.
    static func layer(_ spec: LayerSpec, inputShape: [Int], seed: UInt64) -> any Layer<Double> {
        let model = Sequential<Double>(ModelSpec(name: "one layer", inputShape: inputShape, layers: [spec]), seed: seed)
        if let norm = model.layers[0] as? BatchNorm<Double> {
            var generator = SeededGenerator(seed: seed)
            let channels = norm.scale.value.shape
            norm.scale.value = .randomUniform(shape: channels, lower: -3, upper: 3, using: &generator)
            norm.offset.value = .randomUniform(shape: channels, lower: -1, upper: 1, using: &generator)
            norm.runningMean.value = .randomUniform(shape: channels, lower: -1, upper: 1, using: &generator)
            norm.runningVariance.value = .randomUniform(shape: channels, lower: 0.1, upper: 2, using: &generator)
        }
        return model.layers[0]
    }

    static func step(_ layer: any Layer<Double>) throws -> any LayerRobustnessBound {
        switch layer.spec {
        case .conv2d: return ConvolutionRobustnessBound(layer as! Conv2D<Double>)
        case .maxPool, .averagePool, .lpPool: return PoolingRobustnessBound(layer.spec)
        case .batchNorm: return BatchNormRobustnessBound(layer as! BatchNorm<Double>)
        case .localResponseNorm: return try LocalResponseNormRobustnessBound(layer as! LocalResponseNorm<Double>)
        default: return PointwiseRobustnessBound(layer.spec)
        }
    }

    static let soundLayers: [(LayerSpec, [Int])] = [
        (.conv2d(filters: 4, kernel: 3), [2, 7, 7]),
        (.conv2d(filters: 3, kernel: 3, stride: 2, padding: .same), [2, 7, 7]),
        (.maxPool(size: 2, stride: 2), [3, 6, 6]),
        (.maxPool(size: 3, stride: 1), [3, 6, 6]),
        (.averagePool(size: 2, stride: 2), [3, 6, 6]),
        (.averagePool(size: 3, stride: 2, padding: .same), [3, 6, 6]),
        (.lpPool(p: 1, size: 2, stride: 2), [3, 6, 6]),
        (.lpPool(p: 3, size: 3, stride: 1), [3, 6, 6]),
        (.batchNorm(), [3, 4, 4]),
        (.localResponseNorm(size: 3, k: 1, alpha: 3, beta: 0.75), [5, 3, 3]),
        (.localResponseNorm(size: 5, k: 2, alpha: 1, beta: 0.9, alphaPerWindow: false), [6, 2, 2]),
        (.activation(.sigmoid), [8]),
        (.leakyReLU(slope: 0.2), [8]),
    ]

    @Test("the sound variant divides by a true Lipschitz constant: ||f(x + r) - f(x)|| <= L ||r||",
          arguments: soundLayers.indices)
    func lipschitz(_ index: Int) throws {
        let (spec, shape) = Self.soundLayers[index]
        let layer = Self.layer(spec, inputShape: shape, seed: UInt64(index))
        let step = try Self.step(layer)
        var generator = SeededGenerator(seed: 90 + UInt64(index))
        let x = Tensor<Double>.randomUniform(shape: [40] + shape, lower: -2, upper: 2, using: &generator)
        for scale in [1e-3, 0.3, 3] {
            let r = Tensor<Double>.randomNormal(shape: x.shape, standardDeviation: scale, using: &generator)
            let (fx, fxr) = (layer.forward(Variable(x), context: .inference).value, layer.forward(Variable(x + r), context: .inference).value)
            let kappas = (0..<40).map { row in
                zip(fxr.rowScalars(row), fx.rowScalars(row)).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            }
            let bounds = step.inputBounds(kappas, layerInput: x, layerOutput: fx, variant: .sound)
            for row in 0..<40 {
                let norm = r.rowScalars(row).reduce(0) { $0 + $1 * $1 }.squareRoot()
                #expect(bounds[row] <= norm * (1 + 1e-9), "\(spec) example \(row): output moved \(kappas[row]) for ||r|| = \(norm)")
            }
        }
    }

    @Test("the sound LRN constant dominates the largest singular value of the LRN Jacobian at inputs of every scale",
          arguments: [(3, 1.0, 1.0, 0.75), (5, 2.0, 0.5, 0.9), (5, 1.0, 1.0, 2.5)])
    func localResponseNormJacobian(size: Int, k: Double, alpha: Double, beta: Double) throws {
        let layer = LocalResponseNorm<Double>(size: size, k: k, alpha: alpha, beta: beta, alphaPerWindow: false)
        let constant = try LocalResponseNormRobustnessBound(layer).lipschitzConstant
        var generator = SeededGenerator(seed: 31)
        let channels = 6
        var largest = 0.0
        for scale in [0.1, 0.5, 1, 2, 5, 20] {
            for _ in 0..<6 {
                let x = Variable(Tensor<Double>.randomNormal(shape: [1, channels, 1, 1], standardDeviation: scale, using: &generator),
                                 requiresGradient: true)
                let rows = jacobianRows(of: layer.forward(x, context: .inference).reshaped([1, channels]), wrt: x).map(\.scalars)
                var v = [Double](repeating: 1, count: channels)
                for _ in 0..<60 {
                    let jv = rows.map { zip($0, v).reduce(0) { $0 + $1.0 * $1.1 } }
                    let jtjv = (0..<channels).map { column in zip(rows, jv).reduce(0) { $0 + $1.0[column] * $1.1 } }
                    let norm = jtjv.reduce(0) { $0 + $1 * $1 }.squareRoot()
                    v = jtjv.map { $0 / norm }
                    largest = max(largest, norm.squareRoot())
                }
            }
        }
        #expect(largest <= constant, "largest singular value \(largest) > Lipschitz constant \(constant)")
        #expect(largest >= pow(k, -beta) * 0.99, "near zero the Jacobian is k^-beta I; the search reached only \(largest)")
    }

    @Test("the worst case of Lemma A.4: a constant kernel on a constant perturbation moves the output by q ||W||_F ||R||_F")
    func convolutionOverlap() {
        let q = 3
        let layer = Conv2D<Double>(filter: Parameter(name: "w", value: Tensor(repeating: 1, shape: [1, 1, q, q])), bias: nil,
                                   stride: 1, padding: .valid)
        let r = Tensor<Double>(repeating: 1, shape: [1, 1, 30, 30])
        let output = layer.forward(Variable(r), context: .inference).value
        let gain = output.scalars.reduce(0) { $0 + $1 * $1 }.squareRoot() / 30
        let step = ConvolutionRobustnessBound(layer)
        #expect(step.frobeniusNorm == 3 && step.overlap == 3)
        #expect(gain > step.lipschitzConstant(.thesis) * 2.5, "Thm 5.1's kappa / ||W||_F assumes gain <= 3, measured \(gain)")
        #expect(gain <= step.lipschitzConstant(.sound))
    }

    @Test("Thm 5.3 as printed: kappa / t, and kappa / (t q^(2/p)) for Lp pooling", arguments: [
        (LayerSpec.maxPool(size: 2, stride: 2), 24, 12.0),
        (.averagePool(size: 2, stride: 2), 8, 4.0),
        (.lpPool(p: 2, size: 2, stride: 2), 8, 8.0),
        (.lpPool(p: 4, size: 3, stride: 3), 9, 3 * pow(3, 0.5)),
    ])
    func thesisPooling(_ spec: LayerSpec, side: Int, divisor: Double) {
        let step = PoolingRobustnessBound(spec)
        let output = Tensor<Double>(repeating: 1, shape: [1, 5, side / (side == 9 ? 3 : 2), side / (side == 9 ? 3 : 2)])
        let bound = step.inputBounds([6], layerInput: Tensor(repeating: 1, shape: [1, 5, side, side]), layerOutput: output, variant: .thesis)
        #expect(abs(bound[0] - 6 / divisor) < 1e-12)
    }

    @Test("Thm 5.6 as printed on one component: the root of phi r (gamma r + chi) = psi nearest zero")
    func batchNormThesis() {
        let norm = Self.layer(.batchNorm(epsilon: 0), inputShape: [1], seed: 3) as! BatchNorm<Double>
        norm.scale.value = Tensor(shape: [1], scalars: [2])
        norm.offset.value = Tensor(shape: [1], scalars: [1])
        norm.runningMean.value = Tensor(shape: [1], scalars: [0.5])
        norm.runningVariance.value = Tensor(shape: [1], scalars: [4])
        let x = Tensor<Double>(shape: [1, 1], scalars: [1.5])
        let y = norm.forward(Variable(x), context: .inference).value
        #expect(y.scalars == [2])
        let kappa = 0.5
        let bound = BatchNormRobustnessBound(norm).inputBounds([kappa], layerInput: x, layerOutput: y, variant: .thesis)[0]
        // |y + gamma r / sigma| = |y| + kappa has the root r = kappa sigma / gamma = 0.5 on the side away from zero.
        #expect(abs(bound - 0.5) < 1e-12)
    }

    @Test("Thm 5.6's maximum over components exceeds the perturbation that moves the most sensitive one (Lemma 5.4)")
    func batchNormMaximum() {
        let norm = Self.layer(.batchNorm(epsilon: 0), inputShape: [2], seed: 4) as! BatchNorm<Double>
        norm.scale.value = Tensor(shape: [2], scalars: [10, 0.1])
        norm.offset.value = Tensor(shape: [2], scalars: [0, 0])
        norm.runningMean.value = Tensor(shape: [2], scalars: [0, 0])
        norm.runningVariance.value = Tensor(shape: [2], scalars: [1, 1])
        let x = Tensor<Double>(shape: [1, 2], scalars: [0.1, 0.1])
        let y = norm.forward(Variable(x), context: .inference).value
        let kappa = 1.0
        let step = BatchNormRobustnessBound(norm)
        // r = (kappa / 10, 0) moves BN(x) by exactly kappa (and raises ||BN(x)|| by kappa, Eq. 5.9's condition).
        let smallest = kappa / 10
        #expect(step.inputBounds([kappa], layerInput: x, layerOutput: y, variant: .sound)[0] <= smallest * (1 + 1e-12))
        #expect(step.inputBounds([kappa], layerInput: x, layerOutput: y, variant: .thesis)[0] > 5 * smallest)
    }

    @Test("Lemma 5.11's M_a dominates finite-difference second derivatives of the LRN output")
    func localResponseNormSecondDerivative() throws {
        let layer = LocalResponseNorm<Double>(size: 3, k: 1, alpha: 0.6, beta: 0.75, alphaPerWindow: false)
        let step = try LocalResponseNormRobustnessBound(layer)
        var generator = SeededGenerator(seed: 12)
        let h = 1e-4
        for _ in 0..<20 {
            let x = Tensor<Double>.randomUniform(shape: [1, 4, 1, 1], lower: -1.5, upper: 1.5, using: &generator)
            let m = step.secondDerivativeBound(largest: x.scalars.map(abs).max()!)
            func output(_ z: Tensor<Double>) -> [Double] { layer.forward(Variable(z), context: .inference).value.scalars }
            for i in 0..<4 {
                for j in 0..<4 {
                    var pp = x, pm = x, mp = x, mm = x
                    pp.scalars[i] += h; pp.scalars[j] += h
                    pm.scalars[i] += h; pm.scalars[j] -= h
                    mp.scalars[i] -= h; mp.scalars[j] += h
                    mm.scalars[i] -= h; mm.scalars[j] -= h
                    let (a, b, c, d) = (output(pp), output(pm), output(mp), output(mm))
                    for unit in 0..<4 {
                        let second = (a[unit] - b[unit] - c[unit] + d[unit]) / (4 * h * h)
                        #expect(abs(second) <= m * 1.01, "d2 b_\(unit) / dx_\(i) dx_\(j) = \(second) > M_a = \(m)")
                    }
                }
            }
        }
    }

    @Test("models Algorithm 5.1 cannot read are refused", arguments: [
        [LayerSpec.dense(units: 8), .activation(.relu), .batchNorm(), .dense(units: 3)],
        [.conv2d(filters: 2, kernel: 3), .flatten],
        [.conv2d(filters: 2, kernel: 3), .flatten, .dense(units: 4), .dense(units: 3)],
    ])
    func unsupported(_ layers: [LayerSpec]) {
        let shape = layers[0] == .dense(units: 8) ? [6] : [1, 5, 5]
        let model = Sequential<Double>(ModelSpec(name: "unsupported", inputShape: shape, layers: layers), seed: 1)
        #expect(throws: CertificationError.self) { try ConvolutionalNetworkBound(model) }
    }

    @Test("the head's batched Jacobian norms reproduce Thm 4.2 as MultilayerPerceptronBound computes it", arguments: [Activation.relu, .tanh])
    func headMatchesPerceptron(_ activation: Activation) throws {
        let spec = ModelSpec(name: "mlp", inputShape: [6], layers: [
            .dense(units: 7), .activation(activation), .dense(units: 5), .activation(activation), .dense(units: 4)])
        let model = Sequential<Double>(spec, seed: 13)
        var generator = SeededGenerator(seed: 14)
        let x = Tensor<Double>.randomUniform(shape: [6, 6], lower: -1, upper: 1, using: &generator)
        let expected = try MultilayerPerceptronBound(model).bounds(x, variant: .thesis)
        let computed = try ConvolutionalNetworkBound(model).bounds(x, variant: .thesis)
        for (a, b) in zip(computed, expected) {
            #expect(abs(a.bound - b.bound) <= 1e-7 * b.bound && a.predicted == b.predicted)
        }
    }

    @Test("on a model that is only a dense layer, Algorithm 5.1 is the exact linear distance (Eq. 3.12)")
    func linearModel() throws {
        let model = Sequential<Double>(ModelSpec(name: "linear", inputShape: [1, 3, 3], layers: [.flatten, .dense(units: 4)]), seed: 5)
        var generator = SeededGenerator(seed: 6)
        let x = Tensor<Double>.randomUniform(shape: [5, 1, 3, 3], using: &generator)
        let dense = model.layers[1] as! Dense<Double>
        let linear = LinearClassifierBound(weight: dense.weight.value, bias: dense.bias!.value).bounds(x.reshaped([5, 9]))
        for variant in LayerwiseBoundVariant.allCases {
            let bounds = try ConvolutionalNetworkBound(model).bounds(x, variant: variant)
            for (bound, exact) in zip(bounds, linear) {
                #expect(abs(bound.bound - exact.bound) < 1e-12 && bound.predicted == exact.predicted)
            }
        }
    }
}

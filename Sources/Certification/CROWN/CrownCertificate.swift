import NeuralNetworks
import TensorModule

/// CROWN for L2 balls on fully connected networks (Zhang et al. 2018, "Efficient neural
/// network robustness certification with general activation functions"), the certificate
/// Singla & Feizi 2020 compare CRC against (Table 5b, Table 15).
///
/// Bounds of every layer's pre-activations over ||x - x0||_2 <= eps come from linear
/// relaxations of the activations (`LinearRelaxation`) propagated backwards to the input:
/// a linear function Lambda x + c over the ball lies in Lambda x0 + c -/+ eps ||Lambda_j||_2
/// row by row. The last layer is replaced by the logit difference f = z_y - z_t; the
/// certificate is the largest eps whose lower bound on f stays positive (bracketed, then narrowed by false position).
/// Computed in Float64 whatever the network's scalar type.
public struct CrownCertificate: Sendable {
    /// Search settings.
    public struct Options: Sendable, Hashable, Codable {
        /// The certificate's resolution: the bracket [r, 2r] found by doubling is narrowed to
        /// width r / 2^bisectionSteps, as that many bisection steps would; default 14.
        public var bisectionSteps = 14
        /// The first radius tried (doubled until the bound fails); default 0.25.
        public var initialRadius = 0.25

        public init(bisectionSteps: Int = 14, initialRadius: Double = 0.25) {
            self.bisectionSteps = bisectionSteps
            self.initialRadius = initialRadius
        }
    }

    private let activation: Activation
    /// Margin's layout, [inputs, units] per layer.
    private let weights: [Tensor<Double>]
    /// The hidden layers' weights transposed, [units, inputs]: the coefficients of their pre-activations.
    private let transposedWeights: [Tensor<Double>]
    private let biases: [[Double]]
    /// ||W_i^(1)||_2 per first-layer unit: the first layer's bounds are exact, z(x0) -/+ eps ||W_i||.
    private let firstRowNorms: [Double]

    /// Reads the weights of `network` (a copy in Float64).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public init<Scalar: TensorScalar>(_ network: FullyConnectedNetwork<Scalar>) {
        activation = network.activation
        weights = network.preciseWeights
        transposedWeights = weights.map(\.transposed)
        biases = network.biases.map { $0.scalars.map(Double.init) }
        let (inputs, units) = (weights[0].shape[0], weights[0].shape[1])
        var norms = [Double](repeating: 0, count: units)
        let first = weights[0].scalars
        for k in 0..<inputs { for j in 0..<units { norms[j] += first[k * units + j] * first[k * units + j] } }
        firstRowNorms = norms.map { $0.squareRoot() }
    }

    /// A lower bound on f = z_y - z_t over the L2 ball of `radius` around `input` [D].
    public func lowerBound<Scalar: TensorScalar>(input: Tensor<Scalar>, label: Int, target: Int, radius: Double) -> Double {
        let x0 = Tensor<Double>(converting: input).reshaped([1, input.count])
        return lowerBound(x0: x0, firstCenter: firstLayerCenter(x0), label: label, target: target, radius: radius)
    }

    /// The CROWN certificate: the largest radius (to the resolution of `options`) at which
    /// `lowerBound` stays positive; 0 when f(x0) <= 0.
    ///
    /// The lower bound b(eps) falls continuously as eps grows, so after bracketing its root by
    /// doubling, the bracket is narrowed by Illinois regula falsi (false position that halves
    /// the value kept at an end chosen twice in a row) rather than bisection: each guess is
    /// kept at least half the resolution inside the bracket, so a guess next to the root closes
    /// it, and a step that fails to halve the bracket is followed by a bisection step. The
    /// result is the bracket's positive end, as bisection's is, in about half the evaluations
    /// (each is one backward pass per hidden layer).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func radius<Scalar: TensorScalar>(input: Tensor<Scalar>, label: Int, target: Int, options: Options = Options()) -> Double {
        let x0 = Tensor<Double>(converting: input).reshaped([1, input.count])
        let center = firstLayerCenter(x0)
        let bound = { (eps: Double) in lowerBound(x0: x0, firstCenter: center, label: label, target: target, radius: eps) }
        var low = (radius: 0.0, bound: bound(0))
        guard low.bound > 0 else { return 0 }
        var high = (radius: options.initialRadius, bound: bound(options.initialRadius))
        while high.bound > 0 {
            low = high
            high.radius *= 2
            if high.radius > 1e4 { return low.radius }
            high.bound = bound(high.radius)
        }
        let resolution = (high.radius - low.radius) / Double(1 << options.bisectionSteps)
        var (lastMoved, bisectNext) = (0, false)
        while high.radius - low.radius > resolution {
            let width = high.radius - low.radius
            let falsePosition = low.radius + width * low.bound / (low.bound - high.bound)
            let guess = bisectNext ? low.radius + width / 2
                : min(max(falsePosition, low.radius + resolution / 2), high.radius - resolution / 2)
            let value = bound(guess)
            let moved = value > 0 ? -1 : 1
            if value > 0 { low = (guess, value) } else { high = (guess, value) }
            if moved == lastMoved { if moved < 0 { high.bound /= 2 } else { low.bound /= 2 } }
            lastMoved = moved
            bisectNext = !bisectNext && high.radius - low.radius > width / 2
        }
        return low.radius
    }

    private func firstLayerCenter(_ x0: Tensor<Double>) -> [Double] {
        zip(x0.matmul(weights[0]).scalars, biases[0]).map { $0 + $1 }
    }

    private func lowerBound(x0: Tensor<Double>, firstCenter: [Double], label: Int, target: Int, radius: Double) -> Double {
        let depth = weights.count
        var relaxations = [LinearRelaxation(activation, lower: zip(firstCenter, firstRowNorms).map { $0 - radius * $1 },
                                            upper: zip(firstCenter, firstRowNorms).map { $0 + radius * $1 })]
        for layer in 1..<(depth - 1) {
            let (lower, upper) = bounds(coefficients: transposedWeights[layer], offsets: biases[layer], layer: layer,
                                        relaxations: relaxations, input: x0, radius: radius)
            relaxations.append(LinearRelaxation(activation, lower: lower, upper: upper))
        }
        let last = weights[depth - 1], classes = last.shape[1]
        let row = (0..<last.shape[0]).map { last.scalars[$0 * classes + label] - last.scalars[$0 * classes + target] }
        let offset = biases[depth - 1][label] - biases[depth - 1][target]
        return bounds(coefficients: Tensor(shape: [1, row.count], scalars: row), offsets: [offset], layer: depth - 1,
                      relaxations: relaxations, input: x0, radius: radius).lower[0]
    }

    /// Lower and upper bounds of coefficients * a^(layer) + offsets (a^(0) = x) over the ball,
    /// substituting each activation's relaxation and each dense layer backwards;
    /// `coefficients` is [rows, units of a^(layer)].
    private func bounds(coefficients: Tensor<Double>, offsets: [Double], layer: Int, relaxations: [LinearRelaxation],
                        input: Tensor<Double>, radius: Double) -> (lower: [Double], upper: [Double]) {
        let rows = coefficients.shape[0]
        var lowerCoefficients = coefficients, upperCoefficients = coefficients
        var lowerConstant = offsets, upperConstant = offsets
        var shared = true
        for hidden in stride(from: layer - 1, through: 0, by: -1) {
            let relaxation = relaxations[hidden]
            let bias = biases[hidden]
            let relaxedLower = Self.relax(lowerCoefficients, relaxation: relaxation, bias: bias, constant: &lowerConstant, lowerSide: true)
            let relaxedUpper = Self.relax(upperCoefficients, relaxation: relaxation, bias: bias, constant: &upperConstant, lowerSide: false)
            shared = shared && relaxation.lowerSlope == relaxation.upperSlope
            lowerCoefficients = relaxedLower.matmul(weights[hidden], transposeOther: true)
            upperCoefficients = shared ? lowerCoefficients : relaxedUpper.matmul(weights[hidden], transposeOther: true)
        }
        let lowerCenter = lowerCoefficients.matmul(input, transposeOther: true).scalars
        let upperCenter = upperCoefficients.matmul(input, transposeOther: true).scalars
        let lowerNorms = Self.rowNorms(lowerCoefficients), upperNorms = shared ? lowerNorms : Self.rowNorms(upperCoefficients)
        return ((0..<rows).map { lowerCenter[$0] + lowerConstant[$0] - radius * lowerNorms[$0] },
                (0..<rows).map { upperCenter[$0] + upperConstant[$0] + radius * upperNorms[$0] })
    }

    /// Lambda -> Lambda diag(slopes) for the side's relaxation of each entry's sign (lower
    /// line where the entry is >= 0 for a lower bound), adding Lambda's offsets and the
    /// layer's bias to `constant`.
    private static func relax(_ matrix: Tensor<Double>, relaxation: LinearRelaxation, bias: [Double],
                              constant: inout [Double], lowerSide: Bool) -> Tensor<Double> {
        let (rows, width) = (matrix.shape[0], matrix.shape[1])
        var relaxed = [Double](repeating: 0, count: matrix.count)
        let (positiveSlope, negativeSlope) = lowerSide ? (relaxation.lowerSlope, relaxation.upperSlope) : (relaxation.upperSlope, relaxation.lowerSlope)
        let (positiveOffset, negativeOffset) = lowerSide ? (relaxation.lowerOffset, relaxation.upperOffset) : (relaxation.upperOffset, relaxation.lowerOffset)
        // Per unit, the constant each sign contributes per unit of coefficient: offset + slope * bias.
        let positiveShift = (0..<width).map { positiveOffset[$0] + positiveSlope[$0] * bias[$0] }
        let negativeShift = (0..<width).map { negativeOffset[$0] + negativeSlope[$0] * bias[$0] }
        matrix.scalars.withUnsafeBufferPointer { values in
            relaxed.withUnsafeMutableBufferPointer { output in
                for r in 0..<rows {
                    var sum = 0.0
                    let base = r * width
                    for j in 0..<width {
                        let c = values[base + j]
                        if c >= 0 {
                            output[base + j] = c * positiveSlope[j]
                            sum += c * positiveShift[j]
                        } else {
                            output[base + j] = c * negativeSlope[j]
                            sum += c * negativeShift[j]
                        }
                    }
                    constant[r] += sum
                }
            }
        }
        return Tensor(shape: matrix.shape, scalars: relaxed)
    }

    private static func rowNorms(_ matrix: Tensor<Double>) -> [Double] {
        let (rows, width) = (matrix.shape[0], matrix.shape[1])
        return matrix.scalars.withUnsafeBufferPointer { values in
            (0..<rows).map { r in
                var sum = 0.0
                for k in (r * width)..<((r + 1) * width) { sum += values[k] * values[k] }
                return sum.squareRoot()
            }
        }
    }
}

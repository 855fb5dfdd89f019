import TensorModule

/// CROWN for L2 balls on fully connected networks (Zhang et al. 2018, "Efficient neural
/// network robustness certification with general activation functions"), the certificate
/// Singla & Feizi 2020 compare CRC against (Table 5b, Table 15).
///
/// Bounds of every layer's pre-activations over ||x - x0||_2 <= eps come from linear
/// relaxations of the activations (`LinearRelaxation`) propagated backwards to the input:
/// a linear function Lambda x + c over the ball lies in Lambda x0 + c -/+ eps ||Lambda_j||_2
/// row by row. The last layer is replaced by the logit difference f = z_y - z_t; the
/// certificate is the largest eps whose lower bound on f stays positive (bisection).
public enum CrownCertificate {
    /// Search settings.
    public struct Options: Sendable, Hashable, Codable {
        /// Bisection steps on eps after bracketing; default 14.
        public var bisectionSteps = 14
        /// The first radius tried (doubled until the bound fails); default 0.25.
        public var initialRadius = 0.25

        public init(bisectionSteps: Int = 14, initialRadius: Double = 0.25) {
            self.bisectionSteps = bisectionSteps
            self.initialRadius = initialRadius
        }
    }

    /// A lower bound on f = z_y - z_t over the L2 ball of `radius` around `input` [D].
    public static func lowerBound<Scalar: TensorScalar>(
        _ network: FullyConnectedNetwork<Scalar>, input: Tensor<Scalar>, label: Int, target: Int, radius: Double
    ) -> Double {
        let weights = network.weights.map { Tensor<Double>(shape: $0.shape, scalars: $0.scalars.map(Double.init)) }
        let biases = network.biases.map { $0.scalars.map(Double.init) }
        let x0 = Tensor<Double>(shape: [1, input.count], scalars: input.scalars.map(Double.init))
        var relaxations: [LinearRelaxation] = []
        for layer in 0..<(network.depth - 1) {
            let (lower, upper) = bounds(coefficients: weights[layer].transposed, offsets: biases[layer], layer: layer,
                                        weights: weights, biases: biases, relaxations: relaxations, input: x0, radius: radius)
            relaxations.append(LinearRelaxation(network.activation, lower: lower, upper: upper))
        }
        let last = weights[network.depth - 1], classes = network.classes
        let row = (0..<last.shape[0]).map { last.scalars[$0 * classes + label] - last.scalars[$0 * classes + target] }
        let offset = biases[network.depth - 1][label] - biases[network.depth - 1][target]
        return bounds(coefficients: Tensor(shape: [1, row.count], scalars: row), offsets: [offset], layer: network.depth - 1,
                      weights: weights, biases: biases, relaxations: relaxations, input: x0, radius: radius).lower[0]
    }

    /// The CROWN certificate: the largest radius (to the bisection's resolution) at which
    /// `lowerBound` stays positive; 0 when f(x0) <= 0.
    public static func radius<Scalar: TensorScalar>(
        _ network: FullyConnectedNetwork<Scalar>, input: Tensor<Scalar>, label: Int, target: Int, options: Options = Options()
    ) -> Double {
        let positive = { (eps: Double) in lowerBound(network, input: input, label: label, target: target, radius: eps) > 0 }
        guard positive(0) else { return 0 }
        var (low, high) = (0.0, options.initialRadius)
        while positive(high) {
            low = high
            high *= 2
            if high > 1e4 { return low }
        }
        for _ in 0..<options.bisectionSteps {
            let middle = (low + high) / 2
            if positive(middle) { low = middle } else { high = middle }
        }
        return low
    }

    /// Lower and upper bounds of coefficients * a^(layer) + offsets (a^(0) = x) over the ball,
    /// substituting each activation's relaxation and each dense layer backwards.
    /// Margin's `weights[I]` are [inputs, units]; `coefficients` is [rows, units of a^(layer)].
    private static func bounds(
        coefficients: Tensor<Double>, offsets: [Double], layer: Int, weights: [Tensor<Double>], biases: [[Double]],
        relaxations: [LinearRelaxation], input: Tensor<Double>, radius: Double
    ) -> (lower: [Double], upper: [Double]) {
        let rows = coefficients.shape[0]
        var lowerCoefficients = coefficients, upperCoefficients = coefficients
        var lowerConstant = offsets, upperConstant = offsets
        var shared = true
        for hidden in stride(from: layer - 1, through: 0, by: -1) {
            let relaxation = relaxations[hidden]
            let width = relaxation.lowerSlope.count
            let bias = biases[hidden]
            func relax(_ matrix: Tensor<Double>, constant: inout [Double], lowerSide: Bool) -> Tensor<Double> {
                var relaxed = matrix
                for r in 0..<rows {
                    var sum = 0.0
                    for j in 0..<width {
                        let c = matrix.scalars[r * width + j]
                        let useLower = (c >= 0) == lowerSide
                        let slope = useLower ? relaxation.lowerSlope[j] : relaxation.upperSlope[j]
                        relaxed.scalars[r * width + j] = c * slope
                        sum += c * (useLower ? relaxation.lowerOffset[j] : relaxation.upperOffset[j]) + c * slope * bias[j]
                    }
                    constant[r] += sum
                }
                return relaxed
            }
            let relaxedLower = relax(lowerCoefficients, constant: &lowerConstant, lowerSide: true)
            let relaxedUpper = relax(upperCoefficients, constant: &upperConstant, lowerSide: false)
            shared = shared && relaxation.lowerSlope == relaxation.upperSlope
            lowerCoefficients = relaxedLower.matmul(weights[hidden], transposeOther: true)
            upperCoefficients = shared ? lowerCoefficients : relaxedUpper.matmul(weights[hidden], transposeOther: true)
        }
        let lowerCenter = lowerCoefficients.matmul(input, transposeOther: true).scalars
        let upperCenter = upperCoefficients.matmul(input, transposeOther: true).scalars
        let width = input.count
        func rowNorm(_ matrix: Tensor<Double>, _ r: Int) -> Double {
            var sum = 0.0
            for k in 0..<width { sum += matrix.scalars[r * width + k] * matrix.scalars[r * width + k] }
            return sum.squareRoot()
        }
        return ((0..<rows).map { lowerCenter[$0] + lowerConstant[$0] - radius * rowNorm(lowerCoefficients, $0) },
                (0..<rows).map { upperCenter[$0] + upperConstant[$0] + radius * rowNorm(upperCoefficients, $0) })
    }
}

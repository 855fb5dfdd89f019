import TensorModule

extension LogitCurvature {
    /// Thm 3 with local second-derivative bounds (Sec. 7.4): in the ball ||x - x0|| <= R each
    /// first-layer pre-activation lies in z_i(x0) -/+ R ||W_i^(1)||, and h_L,i <= sigma'' <= h_U,i
    /// there are the extremes of sigma'' at the interval's ends and at the points where sigma''
    /// is extreme globally, when inside, widened to contain 0 (Thm 3b). Returns m, M per row of
    /// `inputs` [N, D] (radii per row), valid for every x in its ball: the intervals and sigma''
    /// at their ends are computed in Double (the intervals widened by 1e-12 relative, far above
    /// Double's rounding of z and ||W_i||), and M, m by LAPACK as in `twoLayerBounds`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func localTwoLayerBounds<Scalar: TensorScalar>(
        _ network: FullyConnectedNetwork<Scalar>, inputs: Tensor<Scalar>, radii: [Double], labels: [Int], targets: [Int]
    ) throws -> [HessianEigenvalueBounds] {
        guard network.depth == 2 else {
            throw CertificationError.unsupportedModel("local bounds (Sec. 7.4) cover two-layer networks; this one has \(network.depth) dense layers")
        }
        let count = inputs.shape[0]
        let first = network.preciseWeights[0]
        let (dimension, units) = (first.shape[0], first.shape[1])
        let constants = ActivationDerivativeBounds.of(network.activation)
        var norms = [Double](repeating: 0, count: units)
        for k in 0..<dimension { for j in 0..<units { norms[j] += first.scalars[k * units + j] * first.scalars[k * units + j] } }
        norms = norms.map { $0.squareRoot() }
        let precise = Tensor<Double>(converting: inputs).reshaped([count, dimension])
        let bias = Tensor<Double>(converting: network.biases[0]).reshaped([1, units])
        let centers = precise.matmul(first) + bias
        return try (0..<count).map { row in
            var limits: [(low: Double, high: Double)] = []
            for j in 0..<units {
                let center = centers.scalars[row * units + j]
                let reach = radii[row] * norms[j] + 1e-12 * (abs(center) + radii[row] * norms[j])
                limits.append((center - reach, center + reach))
            }
            let ends = Tensor<Double>(shape: [2 * units], scalars: limits.flatMap { [$0.low, $0.high] })
            let curvature = network.activation.derivatives(ends).second.scalars
            return try twoLayerBounds(first: first, outputDifference: network.outputDifference(label: labels[row], target: targets[row])) { j in
                var (hLow, hHigh) = (min(curvature[2 * j], curvature[2 * j + 1]), max(curvature[2 * j], curvature[2 * j + 1]))
                if (limits[j].low...limits[j].high).contains(constants.secondLowerAt) { hLow = constants.secondLower }
                if (limits[j].low...limits[j].high).contains(constants.secondUpperAt) { hHigh = constants.secondUpper }
                return (min(hLow, 0), max(hHigh, 0))
            }
        }
    }
}

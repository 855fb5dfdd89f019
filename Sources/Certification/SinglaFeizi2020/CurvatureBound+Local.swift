import TensorModule

extension CurvatureBound {
    /// Thm 3 with local second-derivative bounds (Sec. 7.4): in the ball ||x - x0|| <= R each
    /// first-layer pre-activation lies in z_i(x0) -/+ R ||W_i^(1)||, and h_L,i <= sigma'' <= h_U,i
    /// there are the extremes of sigma'' at the interval's ends and at the points where sigma''
    /// is extreme globally, when inside, widened to contain 0 (Thm 3b). Returns m, M per row of `inputs` [N, D] (radii per
    /// row), valid for every x in its ball; all rows' power iterations run as one.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func localTwoLayerBounds<Scalar: TensorScalar>(
        _ network: FullyConnectedNetwork<Scalar>, inputs: Tensor<Scalar>, radii: [Double], labels: [Int], targets: [Int]
    ) throws -> [CurvatureBounds] {
        guard network.depth == 2 else {
            throw CertificationError.unsupportedModel("local bounds (Sec. 7.4) cover two-layer networks; this one has \(network.depth) dense layers")
        }
        let count = inputs.shape[0]
        let first = network.weights[0], output = network.weights[1]
        let (dimension, units, classes) = (first.shape[0], first.shape[1], network.classes)
        let constants = ActivationDerivativeBounds.of(network.activation)
        var norms = [Double](repeating: 0, count: units)
        for k in 0..<dimension { for j in 0..<units { norms[j] += Double(first.scalars[k * units + j] * first.scalars[k * units + j]) } }
        norms = norms.map { $0.squareRoot() }
        let centers = network.preactivations(inputs)[0]
        var upperWeights = [Scalar](repeating: 0, count: count * units), lowerWeights = upperWeights
        for row in 0..<count {
            var candidates: [Double] = []
            var limits: [(Double, Double)] = []
            for j in 0..<units {
                let center = Double(centers.scalars[row * units + j])
                let (low, high) = (center - radii[row] * norms[j], center + radii[row] * norms[j])
                limits.append((low, high))
                candidates += [low, high]
            }
            let curvature = network.activationDerivatives(Tensor(shape: [candidates.count], scalars: candidates.map { Scalar($0) })).second
            for j in 0..<units {
                let (low, high) = limits[j]
                var hLow = min(Double(curvature.scalars[2 * j]), Double(curvature.scalars[2 * j + 1]))
                var hHigh = max(Double(curvature.scalars[2 * j]), Double(curvature.scalars[2 * j + 1]))
                if (low...high).contains(constants.secondLowerAt) { hLow = constants.secondLower }
                if (low...high).contains(constants.secondUpperAt) { hHigh = constants.secondUpper }
                // Thm 3b: P is PSD and N NSD (so power iteration finds M and m) when h_L <= 0 <= h_U.
                (hLow, hHigh) = (min(hLow, 0), max(hHigh, 0))
                let w = Double(output.scalars[j * classes + labels[row]] - output.scalars[j * classes + targets[row]])
                upperWeights[row * units + j] = Scalar(w * (w >= 0 ? hHigh : hLow))
                lowerWeights[row * units + j] = Scalar(-w * (w >= 0 ? hLow : hHigh))
            }
        }
        let apply = { (weights: [Scalar]) -> (Tensor<Scalar>) -> Tensor<Scalar> in
            let scale = Tensor(shape: [count, units], scalars: weights)
            return { v in (v.matmul(first) * scale).matmul(first, transposeOther: true) }
        }
        let upper = PowerIteration.dominantEigenvalues(count: count, dimension: dimension, apply: apply(upperWeights))
        let lower = PowerIteration.dominantEigenvalues(count: count, dimension: dimension, apply: apply(lowerWeights))
        return zip(lower, upper).map { CurvatureBounds(lower: min(-$0, 0), upper: max($1, 0)) }
    }
}

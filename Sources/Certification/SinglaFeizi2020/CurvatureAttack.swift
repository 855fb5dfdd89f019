import TensorModule

/// The curvature-based attack (Singla & Feizi 2020, Def. 2, Algorithm 2): within the ball
/// ||x - x0|| <= rho, minimise f = z_y - z_t through its dual
///
///     max_{eta >= -m} min_x f(x) + eta/2 (||x - x0||^2 - rho^2),
///
/// convex in x for eta >= -m (Thm 2). Inner steps majorise with K (App. C.3, Eq. 20):
///
///     x <- -(K + eta)^-1 (g - K x - eta x0),
///
/// stopped when ||g + eta (x - x0)|| < tolerance; eta in [-m, 20 (1 - m)] by bisection on
/// whether ||x - x0|| < rho. CRT trains on its points (Sec. 6).
public enum CurvatureAttack {
    /// Iteration counts and tolerances; defaults are Algorithm 2's.
    public struct Options: Sendable, Hashable, Codable {
        /// Bisection steps on eta; default 30 (the authors' CRT training uses 30 x 10).
        public var outerSteps = 30
        /// Majorise-minimise steps per eta; default 20.
        public var innerSteps = 20
        /// Stop the inner steps when ||g + eta (x - x0)|| falls below this; default 1e-5.
        public var stationarityTolerance = 1e-5
        /// A point whose distance is within this fraction of rho lies on the sphere
        /// (primal = dual, Thm 2); default 1e-3.
        public var radiusTolerance = 1e-3

        public init(outerSteps: Int = 30, innerSteps: Int = 20, stationarityTolerance: Double = 1e-5,
                    radiusTolerance: Double = 1e-3) {
            self.outerSteps = outerSteps
            self.innerSteps = innerSteps
            self.stationarityTolerance = stationarityTolerance
            self.radiusTolerance = radiusTolerance
        }
    }

    /// The attack on one input.
    public struct Result: Sendable, Hashable, Codable {
        /// ||x - x0|| of the returned point.
        public var distance: Double
        /// f at the returned point (negative: the target class wins).
        public var gap: Double
        /// Whether the point lies on the sphere ||x - x0|| = rho and is stationary: then it is
        /// the worst case in the ball (Thm 2's primal = dual).
        public var primalEqualsDual: Bool
    }

    /// Attacks each row of `inputs` [N, D] with radius `radius`, curvature bounds per row;
    /// `function` returns f and grad f for a batch (`LogitDifference.evaluate` for a network).
    ///
    /// - Returns: the results and the last iterates [N, D] (CRT's training points; a point
    ///   may lie a hair outside the ball when the bisection ends on the outer side).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func attack<Scalar: TensorScalar>(
        _ function: (Tensor<Scalar>) -> (values: [Double], gradient: Tensor<Scalar>), inputs: Tensor<Scalar>, radius: Double, curvature: [HessianEigenvalueBounds],
        options: Options = Options()
    ) -> (results: [Result], points: Tensor<Scalar>) {
        let (count, width) = (inputs.shape[0], inputs.count / max(inputs.shape[0], 1))
        precondition(curvature.count == count, "one curvature bound per input: \(curvature.count) for \(count)")
        let origin = inputs.scalars.map(Double.init)
        var x = origin
        var low = curvature.map { -$0.lower }
        var high = curvature.map { 20 * (1 - $0.lower) }
        var eta = zip(low, high).map { ($0 + $1) / 2 }
        var stationary = [Bool](repeating: false, count: count)
        func residual(_ row: Int, _ gradient: [Scalar], _ x: [Double]) -> Double {
            var sum = 0.0
            for k in (row * width)..<((row + 1) * width) {
                let r = Double(gradient[k]) + eta[row] * (x[k] - origin[k])
                sum += r * r
            }
            return sum.squareRoot()
        }
        let (values, _) = MajorizeMinimizeBisection.run(
            function, shape: inputs.shape, x: &x, start: function(inputs), solve: Array(repeating: true, count: count),
            outerSteps: options.outerSteps, innerSteps: options.innerSteps, tolerance: options.stationarityTolerance,
            residual: residual,
            step: { row, gradient, x in
                let k = curvature[row].norm
                for index in (row * width)..<((row + 1) * width) {
                    x[index] = (k * x[index] + eta[row] * origin[index] - Double(gradient[index])) / (k + eta[row])
                }
            },
            finishOuter: { _, gradient, x in
                for row in 0..<count {
                    stationary[row] = residual(row, gradient, x) < options.stationarityTolerance
                    let distance = (2 * CurvatureCertificate.halfSquaredDistance(x, origin, row: row, width: width)).squareRoot()
                    if distance < radius { high[row] = eta[row] } else { low[row] = eta[row] }
                    eta[row] = (low[row] + high[row]) / 2
                }
            })
        let results = (0..<count).map { row -> Result in
            let distance = (2 * CurvatureCertificate.halfSquaredDistance(x, origin, row: row, width: width)).squareRoot()
            return Result(distance: distance, gap: values[row],
                          primalEqualsDual: stationary[row] && abs(distance - radius) <= options.radiusTolerance * radius)
        }
        return (results, Tensor(shape: inputs.shape, scalars: x.map { Scalar($0) }))
    }
}

import TensorModule

/// The loop Algorithms 1 and 2 of Singla & Feizi 2020 share: for each of `outerSteps` values
/// of eta (per row), up to `innerSteps` majorise-minimise steps on the rows whose stationarity
/// residual is still at or above `tolerance`, with one batched evaluation of f and grad f after
/// each round of steps; then `finishOuter` sees the rows' final f and grad f for that eta and
/// moves eta (the bisection). Rows where `solve` is false are left alone.
enum MajorizeMinimizeBisection {
    /// Runs the loop on the iterates `x` (rows of `inputs.shape`, flattened, in place), starting
    /// from `start` = f and grad f at `x`; returns f and grad f at the final `x`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func run<Scalar: TensorScalar>(
        _ function: (Tensor<Scalar>) -> (values: [Double], gradient: Tensor<Scalar>), shape: [Int], x: inout [Double],
        start: (values: [Double], gradient: Tensor<Scalar>), solve: [Bool], outerSteps: Int, innerSteps: Int, tolerance: Double,
        residual: (_ row: Int, _ gradient: [Scalar], _ x: [Double]) -> Double,
        step: (_ row: Int, _ gradient: [Scalar], _ x: inout [Double]) -> Void,
        finishOuter: (_ values: [Double], _ gradient: [Scalar], _ x: [Double]) -> Void
    ) -> (values: [Double], gradient: Tensor<Scalar>) {
        var (values, gradient) = start
        for _ in 0..<outerSteps {
            var active = solve
            for _ in 0..<innerSteps {
                for row in active.indices where active[row] {
                    if residual(row, gradient.scalars, x) < tolerance {
                        active[row] = false
                    } else {
                        step(row, gradient.scalars, &x)
                    }
                }
                guard active.contains(true) else { break }
                (values, gradient) = function(Tensor(shape: shape, scalars: x.map { Scalar($0) }))
            }
            finishOuter(values, gradient.scalars, x)
        }
        return (values, gradient)
    }
}

import TensorModule

/// Targeted L2 projected gradient descent as Singla & Feizi 2020 measure empirical robust
/// accuracy (App. H; Madry et al. 2018): from a random start x0 + 0.01 N(0, I), repeat
///
///     x <- Proj_{||x - x0|| <= rho, box} (x - step * grad / ||grad||),  grad = d CE(x, t) / dx,
///
/// for floor(200 rho) steps with step 0.01, t the criterion's target (the runner-up class).
public struct TargetedProjectedGradientDescent<Scalar: TensorScalar>: Attack {
    /// The L2 radius rho.
    public var radius: Double
    /// The step length; default 0.01.
    public var stepSize: Double
    /// Iterations; default floor(200 rho).
    public var steps: Int
    /// Seeds the random start.
    public var seed: UInt64

    public init(radius: Double, stepSize: Double = 0.01, steps: Int? = nil, seed: UInt64 = 1) {
        self.radius = radius
        self.stepSize = stepSize
        self.steps = steps ?? Int((200 * radius).rounded(.down))
        self.seed = seed
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func run(_ classifier: Classifier<Scalar>, inputs: Tensor<Scalar>, criterion: Criterion) throws -> Tensor<Scalar> {
        guard case let .targeted(targets) = criterion else {
            throw AttackError.unsupportedCriterion("targeted PGD needs a targeted criterion (.targeted(targets:)); got \(criterion)")
        }
        let width = inputs.count / max(inputs.shape[0], 1)
        var generator = SeededGenerator(seed: seed)
        var x = project(inputs + Tensor<Scalar>.randomNormal(shape: inputs.shape, standardDeviation: 0.01, using: &generator),
                        around: inputs, bounds: classifier.bounds, width: width)
        for _ in 0..<steps {
            let gradient = classifier.lossGradient(x, labels: targets)
            var step = x
            for (row, norm) in gradient.rowNorms().enumerated() where norm > 0 {
                for k in (row * width)..<((row + 1) * width) { step.scalars[k] -= Scalar(stepSize / norm) * gradient.scalars[k] }
            }
            x = project(step, around: inputs, bounds: classifier.bounds, width: width)
        }
        return x
    }

    /// Clips to the box, then scales each row's perturbation into the ball.
    private func project(_ x: Tensor<Scalar>, around origin: Tensor<Scalar>, bounds: ClosedRange<Scalar>,
                         width: Int) -> Tensor<Scalar> {
        var result = x.map { min(max($0, bounds.lowerBound), bounds.upperBound) }
        for (row, norm) in (result - origin).rowNorms().enumerated() where norm > radius {
            let scale = Scalar(radius / norm)
            for k in (row * width)..<((row + 1) * width) { result.scalars[k] = origin.scalars[k] + (result.scalars[k] - origin.scalars[k]) * scale }
        }
        return result
    }
}

import TensorModule

/// The fast gradient sign method (Goodfellow et al. 2015), x + eps sign(grad_x L), and the
/// fast gradient value method, x + eps grad_x L / ||grad_x L||_2, each with a binary search
/// for the smallest step eps in [0, M] that changes the class (Peck et al. 2017,
/// Algorithm 2.1): l = 0, u = M; while u - l > tolerance, move l or u to the midpoint
/// depending on whether x + mid d is still classified as before. The search assumes that
/// once a step is adversarial, longer steps are too; inputs not adversarial at M fail.
public struct FastGradientSearch<Scalar: TensorScalar>: Attack {
    /// The step direction.
    public enum Direction: String, Sendable {
        /// sign(grad_x L): the L-infinity steepest ascent (FGS).
        case sign
        /// grad_x L / ||grad_x L||_2: the L2 steepest ascent (FGV with unit-norm gradient).
        case value
    }

    public let direction: Direction
    /// M, the largest step tried (data-set specific: 100 for LeNet-5 on pixels 0–255).
    public let maximumStep: Double
    /// The search stops when u - l is at most this.
    public let tolerance: Double

    public init(direction: Direction = .sign, maximumStep: Double, tolerance: Double = 1e-4) {
        precondition(maximumStep > 0 && tolerance > 0, "maximumStep and tolerance must be positive")
        self.direction = direction
        self.maximumStep = maximumStep
        self.tolerance = tolerance
    }

    public func run(_ classifier: Classifier<Scalar>, inputs: Tensor<Scalar>, criterion: Criterion) throws -> Tensor<Scalar> {
        search(classifier, inputs: inputs, criterion: criterion).adversarials
    }

    /// The search itself: adversarials at the smallest adversarial step found, the steps
    /// (M for failures) and whether each input was turned adversarial.
    public func search(_ classifier: Classifier<Scalar>, inputs: Tensor<Scalar>, criterion: Criterion)
        -> (adversarials: Tensor<Scalar>, steps: [Double], succeeded: [Bool]) {
        let count = inputs.shape[0]
        let width = inputs.count / max(count, 1)
        let directions = stepDirections(classifier, inputs: inputs, criterion: criterion)
        func perturbed(_ steps: [Double]) -> Tensor<Scalar> {
            var scalars = inputs.scalars
            for row in 0..<count {
                let step = Scalar(steps[row])
                for i in (row * width)..<((row + 1) * width) { scalars[i] += step * directions.scalars[i] }
            }
            return Tensor(shape: inputs.shape, scalars: scalars)
        }
        func adversarial(_ steps: [Double]) -> [Bool] {
            classifier.predictions(perturbed(steps)).enumerated().map { criterion.isAdversarial(row: $0, predicted: $1) }
        }
        var lower = [Double](repeating: 0, count: count)
        var upper = [Double](repeating: maximumStep, count: count)
        let succeeded = adversarial(upper)
        while zip(lower, upper).enumerated().contains(where: { succeeded[$0] && $1.1 - $1.0 > tolerance }) {
            let middle = zip(lower, upper).map { ($0 + $1) / 2 }
            for (row, isAdversarial) in adversarial(middle).enumerated() where succeeded[row] {
                if isAdversarial { upper[row] = middle[row] } else { lower[row] = middle[row] }
            }
        }
        return (perturbed(upper), upper, succeeded)
    }

    /// sign(grad) or grad / ||grad||_2 of the loss that the criterion asks to climb:
    /// cross-entropy of the label (untargeted), or minus that of the target (targeted).
    func stepDirections(_ classifier: Classifier<Scalar>, inputs: Tensor<Scalar>, criterion: Criterion) -> Tensor<Scalar> {
        let gradient: Tensor<Scalar>
        switch criterion {
        case let .misclassification(labels): gradient = classifier.lossGradient(inputs, labels: labels)
        case let .targeted(targets): gradient = -classifier.lossGradient(inputs, labels: targets)
        }
        switch direction {
        case .sign:
            return gradient.applying(.sign)
        case .value:
            let norms = Distance.l2.measure(gradient, Tensor(repeating: 0, shape: gradient.shape))
            let width = gradient.count / max(gradient.shape[0], 1)
            return Tensor(shape: gradient.shape, scalars: gradient.scalars.enumerated().map { index, value in
                let norm = norms[index / width]
                return norm > 0 ? value / Scalar(norm) : 0
            })
        }
    }
}

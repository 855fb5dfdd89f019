import Autodiff
import TensorModule

/// The summands of the upper bounds on the linearized robustness rho~(x) in Etmann et al.
/// 2019, Theorems 2 and 3, for one input. With g = grad Psi^{i*}(x), g† = grad (Psi^{i*} -
/// Psi^{j*})(x), v-bar = v / ||v|| and beta† = Psi†(x) - <x, g†>:
///
///     rho~(x) <= alpha†(x) + |beta†| / ||g†||                                   (Eq. 14)
///             <= alpha(x) + ||x|| ||g†-bar - g-bar|| + |beta†| / ||g†||          (Eq. 15)
///     rho~(x) <= |<xi, gamma>| / ||gamma|| + ||xi|| ||g†-bar - gamma-bar||       (Eq. 16)
///
/// with xi = x + beta† / ||g†|| g†-bar and gamma = grad Psi^{i*}(xi). Taking beta† as
/// Psi† - <x, g†> (rather than Thm 1's <b, grad_b Psi†>, which only ReLU-type networks equal)
/// makes the bounds hold for any differentiable network (docs/papers.md, Etmann et al. 2019).
public struct AlignmentBoundTerms: Sendable, Codable {
    /// rho~(x) (Eq. 9).
    public let linearizedRobustness: Double
    /// alpha†(x) = |<x, g†-bar>| (Eq. 11).
    public let binarizedAlignment: Double
    /// |beta†| / ||g†||, the locally constant part of Eq. 14.
    public let biasTerm: Double
    /// alpha(x) = |<x, g-bar>| (Eq. 7).
    public let alignment: Double
    /// ||x|| ||g†-bar - g-bar||, the step from binarized to plain alignment in Eq. 15.
    public let saliencyGap: Double
    /// |<xi, gamma-bar>|, the alignment at the shifted point in Eq. 16.
    public let shiftedAlignment: Double
    /// ||xi|| ||g†-bar - gamma-bar||, the error term of Eq. 16.
    public let shiftedGap: Double
    /// |<x, g†>|, the linear part of the binarized logit (Fig. 9's numerator).
    public let linearPart: Double
    /// |Psi†(x)| = |Psi^{i*}(x) - Psi^{j*}(x)| (Fig. 9's denominator).
    public let binarizedLogit: Double
    /// Whether the classifier gives xi the class of x (the condition of Thm 3's second form).
    public let shiftedKeepsClass: Bool

    /// The right-hand side of Eq. 14.
    public var theorem2First: Double { binarizedAlignment + biasTerm }
    /// The right-hand side of Eq. 15.
    public var theorem2Second: Double { alignment + saliencyGap + biasTerm }
    /// The right-hand side of Eq. 16.
    public var theorem3: Double { shiftedAlignment + shiftedGap }

    /// Which of Eqs. 14, 15 (as the step from 14's to 15's right-hand side) and 16 fail,
    /// allowing a relative slack `tolerance` for rounding.
    public func violations(tolerance: Double = 1e-6) -> (eq14: Bool, eq15: Bool, eq16: Bool) {
        let slack = tolerance * max(1, linearizedRobustness, theorem2First)
        return (linearizedRobustness > theorem2First + slack, theorem2First > theorem2Second + slack,
                linearizedRobustness > theorem3 + slack)
    }

    /// The terms for every row of `inputs` [N, ...], from `metrics` (their
    /// `SaliencyMetrics`, computed when nil) and one more gradient pass at the shifted points xi.
    public static func compute<Scalar: TensorScalar>(
        _ classifier: Classifier<Scalar>, inputs: Tensor<Scalar>, metrics: [SaliencyMetrics]? = nil
    ) -> [AlignmentBoundTerms] {
        computeWithShiftedSaliencies(classifier, inputs: inputs, metrics: metrics).terms
    }

    /// `compute`, also returning gamma = grad Psi^{i*}(xi) of each row (Fig. 10's third map).
    public static func computeWithShiftedSaliencies<Scalar: TensorScalar>(
        _ classifier: Classifier<Scalar>, inputs: Tensor<Scalar>, metrics given: [SaliencyMetrics]? = nil
    ) -> (terms: [AlignmentBoundTerms], shiftedSaliencies: [[Double]]) {
        let metrics = given ?? SaliencyMetrics.compute(classifier, inputs: inputs)
        let count = inputs.shape[0]
        func unit(_ a: [Double]) -> [Double] { let n = a.euclideanNorm; return a.map { $0 / n } }
        let points = (0..<count).map { row in inputs.rowScalars(row).map(Double.init) }
        let binarizedLogits = metrics.map { $0.linearizedRobustness * $0.binarizedSaliency.euclideanNorm }
        let shifted = (0..<count).map { row -> [Double] in
            let gDagger = metrics[row].binarizedSaliency
            let beta = binarizedLogits[row] - points[row].dot(gDagger)
            let scale = beta / gDagger.squaredNorm
            return zip(points[row], gDagger).map { $0 + scale * $1 }
        }
        let xi = Variable(Tensor<Scalar>(shape: inputs.shape, scalars: shifted.flatMap { $0.map { Scalar($0) } }), requiresGradient: true)
        let logits = classifier.forward(xi)
        let classes = logits.shape[1]
        var seed = Tensor<Scalar>(repeating: 0, shape: logits.shape)
        for row in 0..<count { seed.scalars[row * classes + metrics[row].predicted] = 1 }
        let gammaTensor = gradient(of: logits, wrt: [xi], seed: seed)[0].value
        let shiftedClasses = logits.value.argmaxRows()
        let gammas = (0..<count).map { row in gammaTensor.rowScalars(row).map(Double.init) }
        let terms = (0..<count).map { row in
            let (x, metric) = (points[row], metrics[row])
            let gDagger = metric.binarizedSaliency
            let (gDaggerBar, gBar, gammaBar) = (unit(gDagger), unit(metric.saliency), unit(gammas[row]))
            let linear = x.dot(gDagger)
            return AlignmentBoundTerms(
                linearizedRobustness: metric.linearizedRobustness, binarizedAlignment: metric.binarizedAlignment,
                biasTerm: abs(binarizedLogits[row] - linear) / gDagger.euclideanNorm, alignment: metric.alignment,
                saliencyGap: x.euclideanNorm * gDaggerBar.euclideanDistance(to: gBar), shiftedAlignment: abs(shifted[row].dot(gammaBar)),
                shiftedGap: shifted[row].euclideanNorm * gDaggerBar.euclideanDistance(to: gammaBar), linearPart: abs(linear),
                binarizedLogit: abs(binarizedLogits[row]), shiftedKeepsClass: shiftedClasses[row] == metric.predicted)
        }
        return (terms, gammas)
    }
}

import Robustness
import TensorModule

/// What one model of the cohort measured on the held-out images (Etmann et al. 2019, Sec. 4).
public struct CohortModelEvaluation: Codable, Sendable {
    public var lambda: Double
    /// Accuracy on all held-out images.
    public var accuracy: Double
    /// Per metric image: alpha (Eq. 7), alpha† (Eq. 11), rho~ (Eq. 9), the authors' signed cosine.
    public var alignment: [Double]
    public var binarizedAlignment: [Double]
    public var linearizedRobustness: [Double]
    public var signedCosine: [Double]
    /// The Thm 2 / Thm 3 terms of each metric image.
    public var boundTerms: [AlignmentBoundTerms]
    /// L2 distances of the attacks on the first `attackImages` metric images (nil: the attack failed).
    public var gradientAttack: [Double?]
    public var iterativeAttack: [Double?]
    public var carliniWagner: [Double?]
    /// Metric images left out because a metric was not finite (a zero gradient).
    public var nonFiniteImages: Int
    /// The held-out index of each kept metric image (the per-image arrays above follow it;
    /// the attack arrays are indexed by held-out index).
    public var imageIndices: [Int]
    /// Seconds the training (nil when not recorded) and the evaluation took.
    public var trainingSeconds: Double?
    public var evaluationSeconds: Double
    /// The evaluation's seconds by part: metrics (accuracy, alpha, rho~, Thm 2/3 terms), then each attack.
    public var metricSeconds: Double
    public var gradientAttackSeconds: Double
    public var iterativeAttackSeconds: Double
    public var carliniWagnerSeconds: Double

    /// Median of the successful distances of an attack.
    public static func medianDistance(_ distances: [Double?]) -> Double { distances.compactMap { $0 }.median() }

    public var medianAlignment: Double { alignment.median() }
    public var medianBinarizedAlignment: Double { binarizedAlignment.median() }
    public var medianLinearizedRobustness: Double { linearizedRobustness.median() }

    /// Pearson r(rho~, alpha) over the metric images (Fig. 4).
    public var alignmentCorrelation: Double { Correlation.pearson(alignment, linearizedRobustness) }
    /// The (rho~, CW distance) pairs of the kept metric images that were attacked and where CW
    /// succeeded, matched by held-out index.
    public var carliniWagnerPairs: (linearizedRobustness: [Double], distance: [Double]) {
        let pairs = zip(imageIndices, linearizedRobustness).compactMap { index, rho in
            index < carliniWagner.count ? carliniWagner[index].map { (rho, $0) } : nil
        }
        return (pairs.map(\.0), pairs.map(\.1))
    }
    /// Pearson r(rho~, CW distance) over `carliniWagnerPairs` (Fig. 5).
    public var carliniWagnerCorrelation: Double { Correlation.pearson(carliniWagnerPairs.linearizedRobustness, carliniWagnerPairs.distance) }

    /// Median of each summand of Eq. 14's right-hand side (alpha†, |beta†|/||g†||) as a share of their sum (Fig. 6).
    public var theorem2FirstShares: [Double] { shares([\.binarizedAlignment, \.biasTerm]) }
    /// Eq. 15's summands (alpha, ||x|| ||g†-bar - g-bar||, |beta†|/||g†||) (Fig. 7).
    public var theorem2SecondShares: [Double] { shares([\.alignment, \.saliencyGap, \.biasTerm]) }
    /// Eq. 16's summands (|<xi, gamma-bar>|, ||xi|| ||g†-bar - gamma-bar||) (Fig. 8).
    public var theorem3Shares: [Double] { shares([\.shiftedAlignment, \.shiftedGap]) }
    /// M[|<x, g†>|] / M[|Psi†(x)|] (Fig. 9).
    public var linearPartRatio: Double {
        boundTerms.map(\.linearPart).median() / boundTerms.map(\.binarizedLogit).median()
    }
    /// How many metric images violate Eq. 14, the step to Eq. 15, and Eq. 16.
    public var violations: (eq14: Int, eq15: Int, eq16: Int) {
        let flags = boundTerms.map { $0.violations() }
        return (flags.filter(\.eq14).count, flags.filter(\.eq15).count, flags.filter(\.eq16).count)
    }

    private func shares(_ summands: [KeyPath<AlignmentBoundTerms, Double>]) -> [Double] {
        let medians = summands.map { path in boundTerms.map { $0[keyPath: path] }.median() }
        let total = medians.reduce(0, +)
        return medians.map { $0 / total }
    }
}

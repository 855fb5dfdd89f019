import Foundation

/// How much the theoretical robustness of a CNN grows when the robustness of each of its L
/// convolutional and pooling layers is raised by delta (Peck et al. 2017, Sec. 6, Eq. 7):
///
///     kappa'_1 / kappa_1 = 1 + delta sum_{l=1}^{L} 1 / kappa_l,
///
/// and, when kappa_l = alpha kappa_{l+1} (so kappa_l = alpha^(L-l) kappa_L, alpha != 1),
///
///     kappa'_1 / kappa_1 = 1 + delta (1 - alpha^-L) / (kappa_L (1 - alpha^-1)),
///
/// exponential in L for 0 < alpha < 1 (the paper's Fig. 1 uses alpha = 0.01, delta = 0.1,
/// kappa_L = 2) and saturating at 1 + delta / (kappa_L (1 - alpha^-1)) for alpha > 1.
public enum LayerwiseRobustnessGrowth {
    /// Eq. (7) for given per-layer robustness values kappa_1 ... kappa_L.
    public static func relativeIncrease(delta: Double, layerRobustness kappa: [Double]) -> Double {
        1 + delta * kappa.reduce(0) { $0 + 1 / $1 }
    }

    /// The closed form for geometric per-layer robustness kappa_l = alpha^(L-l) kappa_L.
    public static func relativeIncrease(delta: Double, alpha: Double, outputRobustness kappaL: Double, layers: Int) -> Double {
        precondition(alpha != 1 && alpha > 0, "the closed form needs 0 < alpha != 1, got \(alpha)")
        return 1 + delta * (1 - pow(alpha, -Double(layers))) / (kappaL * (1 - 1 / alpha))
    }
}

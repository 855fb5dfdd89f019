/// Bounds on the eigenvalues of the Hessian of a logit difference f = z_y - z_t over all
/// inputs, or over a ball for the local bounds (Singla & Feizi 2020, Eq. 3):
/// m I <= grad^2 f <= M I and ||grad^2 f|| <= K, with K >= max(|m|, |M|). `LogitCurvature`
/// computes them.
public struct HessianEigenvalueBounds: Sendable, Hashable, Codable {
    /// m, a lower bound on the smallest eigenvalue.
    public var lower: Double
    /// M, an upper bound on the largest eigenvalue.
    public var upper: Double
    /// K, a bound on the spectral norm (the majoriser's curvature in Algorithms 1 and 2).
    public var norm: Double

    /// Bounds m, M with K = max(|m|, |M|) unless given.
    public init(lower: Double, upper: Double, norm: Double? = nil) {
        self.lower = lower
        self.upper = upper
        self.norm = norm ?? max(abs(lower), abs(upper))
    }

    /// The symmetric bounds -K <= grad^2 f <= K of Thm 4.
    public init(norm: Double) {
        self.init(lower: -norm, upper: norm, norm: norm)
    }
}

import Certification

/// How much of the test set each measurement of `CurvatureEvaluationRunner` uses (its cache
/// key with the network's config). The paper certifies 150 correctly classified images.
public struct CurvatureEvaluationSettings: Sendable, Hashable, Codable {
    /// Correctly classified test images certified with CRC and attacked with Algorithm 2.
    public var certifiedImages: Int
    /// How many of those CROWN certifies (CROWN costs a back-substitution per layer per radius).
    public var crownImages: Int
    /// Test images attacked with targeted PGD for the empirical robust accuracy (0: skip).
    public var robustImages: Int
    /// Test images whose Hessians give K_lb (App. H.1; 0: skip).
    public var curvatureImages: Int
    /// (y, t) pairs with fewer images than this are left out of K_lb and K_ub (the paper: 100
    /// of 10,000 test images).
    public var pairMinimum: Int
    /// The attack radius rho (the paper: 0.5).
    public var rho: Double
    /// Which class the certificate aims at.
    public var target: TargetRule
    public var certificate: CurvatureCertificate.Options
    /// Rounds of local-curvature refinement of CRC (Sec. 7.4, two-layer networks; 0: none).
    public var localRefinements = 0
    public var crown: CrownCertificate.Options
    /// Seeds the order in which test images are picked.
    public var seed: UInt64

    public init(certifiedImages: Int, crownImages: Int, robustImages: Int, curvatureImages: Int, pairMinimum: Int,
                rho: Double = 0.5, target: TargetRule = .runnerUp,
                certificate: CurvatureCertificate.Options = CurvatureCertificate.Options(),
                crown: CrownCertificate.Options = CrownCertificate.Options(), seed: UInt64 = 1) {
        self.certifiedImages = certifiedImages
        self.crownImages = crownImages
        self.robustImages = robustImages
        self.curvatureImages = curvatureImages
        self.pairMinimum = pairMinimum
        self.rho = rho
        self.target = target
        self.certificate = certificate
        self.crown = crown
        self.seed = seed
    }
}

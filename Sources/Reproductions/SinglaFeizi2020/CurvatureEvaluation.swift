import Certification

/// What the reproduction measures of one trained network (Tables 2, 5, 6, 15, 16).
public struct CurvatureEvaluation: Sendable, Hashable, Codable {
    /// Clean accuracy on the whole test set.
    public var accuracy: Double
    /// Test images certified (the first correctly classified ones in a seeded order).
    public var certifiedImages: Int
    /// CRC per certified image (Margin's rigorous dual bound, see `CurvatureCertificate`).
    public var crc: [Double]
    /// The authors' CRC value per image (sqrt(2 F) at the last iterate).
    public var crcAuthors: [Double]
    /// CRC with local curvature bounds (Sec. 7.4), two-layer networks only.
    public var crcLocal: [Double]?
    /// CROWN per image, on the first `crown.count` of the certified images.
    public var crown: [Double]
    /// Fraction of certified images whose CRC point is on the boundary and stationary
    /// (Table 2's certificate success, primal = dual).
    public var certificateSuccess: Double
    /// Per certified image, ‖x − x0‖ of the CRC point where it is primal = dual, nil elsewhere.
    /// That point is on the boundary, so its distance bounds the true distance from above while
    /// CRC bounds it from below: their agreement checks the exactness Thm 1 promises.
    public var exactDistances: [Double?]
    /// Fraction whose curvature-attack point lies on the sphere of radius `rho` (Table 2's
    /// attack success).
    public var attackSuccess: Double
    /// Certified images where a certificate (CRC or CROWN) exceeds the distance of a point the
    /// curvature attack found on the target's side (f < 0): each one would be a bug.
    public var soundnessViolations: Int
    /// Fraction of test images (of `robustImages`) correctly classified after targeted PGD at
    /// `rho` (nil when none were attacked).
    public var empiricalRobustAccuracy: Double?
    public var robustImages: Int
    /// App. H.1: mean over (y, t) pairs of the largest |eigenvalue| of the Hessian seen at
    /// test inputs, and mean K over the same pairs (nil when not measured or no pair has enough images).
    public var curvatureLower: Double?, curvatureUpper: Double?
    /// Seconds per image for CRC and CROWN (batched CRC divided by the batch).
    public var crcSecondsPerImage: Double, crownSecondsPerImage: Double
    /// The attack radius rho of `attackSuccess` and `empiricalRobustAccuracy`.
    public var rho: Double

    /// accuracy x the fraction of certified images with CRC > radius: the certified robust
    /// accuracy over the test set (the paper: correctly classified and certificate > rho).
    public func certifiedAccuracy(radius: Double, local: Bool = false) -> Double {
        let radii = local ? (crcLocal ?? crc) : crc
        guard !radii.isEmpty else { return 0 }
        return accuracy * Double(radii.filter { $0 > radius }.count) / Double(radii.count)
    }

    /// The mean of `values` (NaN when empty).
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}

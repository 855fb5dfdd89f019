import TensorModule

/// CRC with local curvature bounds for two-layer networks (Singla & Feizi 2020, Sec. 7.4,
/// App. C.6): starting from the global certificate c, repeatedly bound the curvature in a
/// ball of radius R = growth * c around the input (`LogitCurvature.localTwoLayerBounds`),
/// solve the certificate problem inside that ball, and keep the larger certificate.
///
/// App. C.6 takes R equal to the current certificate. A boundary point outside the ball is
/// at least R away, so what the local problem certifies is min(R, dual bound) (see
/// `CurvatureCertificate.certify(safeRadii:)`), which with R = c can never exceed c. Margin
/// therefore grows the ball by `growth` each round; that is where a local certificate can
/// gain. In Float the dual bounds are checked in Double (`CurvatureCertificate.certify(verification:)`).
public enum LocalCurvatureCertificate {
    /// The refined certificate of each row of `inputs`, from its global certificates.
    ///
    /// - Parameters:
    ///   - refinements: rounds; default 5 (App. C.6).
    ///   - growth: R = growth * current certificate; default 1.5.
    public static func certify<Scalar: TensorScalar>(
        _ network: FullyConnectedNetwork<Scalar>, function: LogitDifference<Scalar>, inputs: Tensor<Scalar>,
        global: [Double], refinements: Int = 5, growth: Double = 1.5,
        options: CurvatureCertificate.Options = CurvatureCertificate.Options()
    ) throws -> [Double] {
        var best = global
        let verification = Scalar.self == Double.self ? nil : function.precise.evaluate
        for _ in 0..<refinements {
            let radii = best.map { growth * max($0, 1e-3) }
            let curvature = try LogitCurvature.localTwoLayerBounds(network, inputs: inputs, radii: radii,
                                                                   labels: function.labels, targets: function.targets)
            let results = CurvatureCertificate.certify(function.evaluate, inputs: inputs, curvature: curvature,
                                                       options: options, safeRadii: radii, verification: verification).results
            best = zip(best, results).map { max($0, $1.radius) }
        }
        return best
    }
}

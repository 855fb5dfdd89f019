import Certification

extension SinglaFeiziPublished {
    /// One row of Table 15: mean CROWN-general and CRC certificates over 150 correctly
    /// classified MNIST images, and the authors' CPU seconds per image.
    public struct TargetRow: Sendable, Hashable {
        public var crown: Double, crc: Double, crownSeconds: Double, crcSeconds: Double
    }

    /// Table 15's 2×[1024] sigmoid rows, by training label ("standard", "CRT, 0.01") and target.
    public static let table15: [String: [TargetRule: TargetRow]] = [
        "standard": [.runnerUp: TargetRow(crown: 0.28395, crc: 0.48500, crownSeconds: 0.1818, crcSeconds: 0.1911),
                     .random: TargetRow(crown: 0.38501, crc: 0.69087, crownSeconds: 0.1870, crcSeconds: 0.1912),
                     .leastLikely: TargetRow(crown: 0.47639, crc: 0.85526, crownSeconds: 0.1857, crcSeconds: 0.1920)],
        "CRT, 0.01": [.runnerUp: TargetRow(crown: 0.43061, crc: 1.54673, crownSeconds: 0.1823, crcSeconds: 0.1910),
                      .random: TargetRow(crown: 0.52847, crc: 1.99918, crownSeconds: 0.1853, crcSeconds: 0.1911),
                      .leastLikely: TargetRow(crown: 0.62319, crc: 2.41047, crownSeconds: 0.1873, crcSeconds: 0.1911)],
    ]

    /// Table 6: mean CRC of 2×[1024] sigmoid networks with global and local curvature bounds,
    /// by training label.
    public static let table6: [String: (global: Double, local: Double)] = [
        "standard": (0.5013, 0.5847), "CRT, 0": (1.0011, 1.1741), "CRT, 0.01": (1.5705, 1.6047),
    ]
}

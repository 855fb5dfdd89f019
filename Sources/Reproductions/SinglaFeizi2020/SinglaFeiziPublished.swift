/// The paper's published numbers for one trained network (MNIST, rho = 0.5, runner-up
/// target), gathered from Tables 2, 12, 15, 16 and 17 of Singla & Feizi 2020 (nil where no
/// table reports the quantity for that network).
public struct SinglaFeiziPublished: Sendable, Hashable {
    public var depth: Int
    /// The training as the tables name it: gamma, and whether CRT was used.
    public var gamma: Double, crt: Bool
    public var accuracy: Double?, empiricalRobustAccuracy: Double?, certifiedAccuracy: Double?
    public var curvatureLower: Double?, curvatureUpper: Double?
    public var crown: Double?, crc: Double?
    public var attackSuccess: Double?, certificateSuccess: Double?
    /// Which tables the numbers come from.
    public var source: String

    /// The published row for a sigmoid network of `depth` layers trained with `gamma` (and
    /// CRT when `crt`), if the paper has one.
    public static func row(depth: Int, gamma: Double, crt: Bool) -> SinglaFeiziPublished? {
        sigmoid.first { $0.depth == depth && $0.gamma == gamma && $0.crt == crt }
    }

    /// 2/3/4 x [1024] sigmoid rows. Standard and gamma-only rows: Table 17 (CRC and CROWN
    /// means there equal Table 5b's). CRT rows: Table 16 (accuracy, robust accuracies, K) with
    /// Table 12's primal = dual rates and, for gamma = 0.01, Table 15's certificates; Table 2's
    /// γ = 0.03, 0.05, 0.07 CRT rows.
    public static let sigmoid: [SinglaFeiziPublished] = [
        .init(depth: 2, gamma: 0, crt: false, accuracy: 0.9837, empiricalRobustAccuracy: 0.7628, certifiedAccuracy: 0.5417,
              crown: 0.28395, crc: 0.48500, source: "Table 17"),
        .init(depth: 2, gamma: 0.01, crt: false, accuracy: 0.9808, empiricalRobustAccuracy: 0.8882, certifiedAccuracy: 0.8353,
              crown: 0.32548, crc: 0.84719, source: "Table 17"),
        .init(depth: 2, gamma: 0.005, crt: false, accuracy: 0.9796, empiricalRobustAccuracy: 0.8865, certifiedAccuracy: 0.8268,
              crown: 0.36125, crc: 0.83367, source: "Table 17"),
        .init(depth: 2, gamma: 0.02, crt: false, accuracy: 0.9788, empiricalRobustAccuracy: 0.8890, certifiedAccuracy: 0.8368,
              crown: 0.34744, crc: 0.86632, source: "Table 17"),
        .init(depth: 2, gamma: 0.03, crt: false, accuracy: 0.9773, empiricalRobustAccuracy: 0.8928, certifiedAccuracy: 0.8473,
              crown: 0.35387, crc: 0.90490, source: "Table 17"),
        .init(depth: 2, gamma: 0, crt: true, accuracy: 0.9877, empiricalRobustAccuracy: 0.9617, certifiedAccuracy: 0.9504,
              curvatureLower: 7.2031, curvatureUpper: 72.0835, attackSuccess: 0.0505, certificateSuccess: 0.0224,
              source: "Tables 12, 16"),
        .init(depth: 2, gamma: 0.03, crt: true, accuracy: 0.9830, empiricalRobustAccuracy: 0.9573, certifiedAccuracy: 0.9494,
              curvatureLower: 1.8501, curvatureUpper: 2.9219, attackSuccess: 1, certificateSuccess: 0.4417,
              source: "Tables 2, 12, 16"),
        .init(depth: 2, gamma: 0.01, crt: true, accuracy: 0.9857, empiricalRobustAccuracy: 0.9628, certifiedAccuracy: 0.9559,
              curvatureLower: 2.8196, curvatureUpper: 5.4873, crown: 0.43061, crc: 1.54673, attackSuccess: 1, certificateSuccess: 0.1568,
              source: "Tables 12, 15, 16"),
        .init(depth: 3, gamma: 0, crt: false, accuracy: 0.9837, empiricalRobustAccuracy: 0.8519, certifiedAccuracy: 0,
              crown: 0.24644, crc: 0.06874, source: "Table 17"),
        .init(depth: 3, gamma: 0.01, crt: false, accuracy: 0.9771, empiricalRobustAccuracy: 0.9149, certifiedAccuracy: 0.8833,
              crown: 0.39799, crc: 1.07842, source: "Table 17"),
        .init(depth: 3, gamma: 0, crt: true, accuracy: 0.9852, empiricalRobustAccuracy: 0.9026, certifiedAccuracy: 0,
              curvatureLower: 19.2131, curvatureUpper: 3294.9070, attackSuccess: 0, certificateSuccess: 0.0012,
              source: "Tables 12, 16"),
        .init(depth: 3, gamma: 0.01, crt: true, accuracy: 0.9823, empiricalRobustAccuracy: 0.9570, certifiedAccuracy: 0.9499,
              curvatureLower: 1.9902, curvatureUpper: 8.6654, crown: 0.39603, crc: 1.24100, attackSuccess: 0.4486, certificateSuccess: 0.0334,
              source: "Tables 12, 15, 16"),
        .init(depth: 3, gamma: 0.05, crt: true, accuracy: 0.9760, empiricalRobustAccuracy: 0.9445, certifiedAccuracy: 0.9365,
              curvatureLower: 0.9677, curvatureUpper: 2.7839, attackSuccess: 1, certificateSuccess: 0.2259,
              source: "Tables 2, 12, 16"),
        .init(depth: 4, gamma: 0, crt: false, accuracy: 0.9839, empiricalRobustAccuracy: 0.8327, certifiedAccuracy: 0,
              crown: 0.19501, crc: 0.00454, source: "Table 17"),
        .init(depth: 4, gamma: 0.01, crt: false, accuracy: 0.9741, empiricalRobustAccuracy: 0.9171, certifiedAccuracy: 0.8961,
              crown: 0.40620, crc: 1.05323, source: "Table 17"),
        .init(depth: 4, gamma: 0, crt: true, accuracy: 0.9822, empiricalRobustAccuracy: 0.8304, certifiedAccuracy: 0,
              curvatureLower: 86.9974, curvatureUpper: 343_582.3125, attackSuccess: 0, certificateSuccess: 0.0001,
              source: "Tables 12, 16"),
        .init(depth: 4, gamma: 0.01, crt: true, accuracy: 0.9783, empiricalRobustAccuracy: 0.9465, certifiedAccuracy: 0.9341,
              curvatureLower: 1.6823, curvatureUpper: 10.2289, crown: 0.40327, crc: 1.06208, attackSuccess: 0.2442, certificateSuccess: 0.0268,
              source: "Tables 12, 15, 16"),
        .init(depth: 4, gamma: 0.07, crt: true, accuracy: 0.9524, empiricalRobustAccuracy: 0.9183, certifiedAccuracy: 0.9067,
              curvatureLower: 0.6614, curvatureUpper: 2.6905, attackSuccess: 1, certificateSuccess: 0.1953,
              source: "Tables 2, 12, 16 (accuracy from Table 2; Table 16 prints 96.08%)"),
    ]

    /// Table 2's γ for the strongly regularised CRT network of each depth.
    public static let table2Gamma: [Int: Double] = [2: 0.03, 3: 0.05, 4: 0.07]

    public init(depth: Int, gamma: Double, crt: Bool, accuracy: Double? = nil, empiricalRobustAccuracy: Double? = nil,
                certifiedAccuracy: Double? = nil, curvatureLower: Double? = nil, curvatureUpper: Double? = nil,
                crown: Double? = nil, crc: Double? = nil, attackSuccess: Double? = nil, certificateSuccess: Double? = nil,
                source: String) {
        self.depth = depth
        self.gamma = gamma
        self.crt = crt
        self.accuracy = accuracy
        self.empiricalRobustAccuracy = empiricalRobustAccuracy
        self.certifiedAccuracy = certifiedAccuracy
        self.curvatureLower = curvatureLower
        self.curvatureUpper = curvatureUpper
        self.crown = crown
        self.crc = crc
        self.attackSuccess = attackSuccess
        self.certificateSuccess = certificateSuccess
        self.source = source
    }
}

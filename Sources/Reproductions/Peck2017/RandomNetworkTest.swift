/// One row of Peck et al.'s Table 4.2 (thesis, Sec. 4.3.2): random MLPs with `layers`
/// hidden layers of `units` tanh units (the thesis does not name the activation of its
/// random MLPs; its trained MLPs use tanh), parameters uniform in `parameterInterval`,
/// tested on `samples` inputs uniform in `sampleInterval`^d.
public struct RandomNetworkTest: Codable, Sendable, Hashable {
    public var number: Int
    public var samples: Int
    public var dimension: Int
    public var networks: Int
    public var layers: Int
    public var units: Int
    public var classes: Int
    public var sampleInterval: ClosedRange<Double>
    public var parameterInterval: ClosedRange<Double>

    /// The thesis's Table 4.2: mean, median and std of the deviations from the bound.
    public var published: (mean: Double, median: Double, standardDeviation: Double) { Self.publishedValues[number - 1] }

    private static let publishedValues: [(mean: Double, median: Double, standardDeviation: Double)] = [
        (0.6322801, 0.5546744, 0.3358796), (0.6404704, 0.5849356, 0.4163827), (0.4335774, 0.3039111, 0.4211190),
        (1.1928828, 0.9919565, 0.9066600), (0.6533218, 0.6304373, 0.3057876), (0.6276122, 0.6120808, 0.2672927),
        (0.6630859, 0.6050979, 0.2996120), (0.6561273, 0.6170216, 0.3212896),
    ]

    /// The eight tests of Table 4.2 sized for `profile`: the thesis's 100 networks per test in
    /// the paper and claims profiles (the claims are about every network the thesis tested),
    /// 20 in the quick one; test 8 keeps its 10 networks of 100 samples in all.
    public static func table42(_ profile: Profile) -> [RandomNetworkTest] {
        printedTable42.map { test in
            var sized = test
            if test.number != 8 && profile == .quick { sized.networks = 20 }
            return sized
        }
    }

    /// The eight tests of Table 4.2, as printed in the thesis.
    public static let printedTable42: [RandomNetworkTest] = [
        .init(number: 1, samples: 10, dimension: 2, networks: 100, layers: 3, units: 10, classes: 5, sampleInterval: -1...1, parameterInterval: -1...1),
        .init(number: 2, samples: 10, dimension: 2, networks: 100, layers: 3, units: 10, classes: 5, sampleInterval: -100...100, parameterInterval: -1...1),
        .init(number: 3, samples: 10, dimension: 2, networks: 100, layers: 3, units: 10, classes: 5, sampleInterval: -1...1, parameterInterval: -100...100),
        .init(number: 4, samples: 10, dimension: 20, networks: 100, layers: 3, units: 10, classes: 5, sampleInterval: -1...1, parameterInterval: -1...1),
        .init(number: 5, samples: 10, dimension: 2, networks: 100, layers: 3, units: 30, classes: 5, sampleInterval: -1...1, parameterInterval: -1...1),
        .init(number: 6, samples: 10, dimension: 2, networks: 100, layers: 3, units: 10, classes: 50, sampleInterval: -1...1, parameterInterval: -1...1),
        .init(number: 7, samples: 10, dimension: 2, networks: 100, layers: 6, units: 20, classes: 5, sampleInterval: -1...1, parameterInterval: -1...1),
        .init(number: 8, samples: 100, dimension: 2, networks: 10, layers: 3, units: 10, classes: 5, sampleInterval: -10...10, parameterInterval: -1...1),
    ]
}

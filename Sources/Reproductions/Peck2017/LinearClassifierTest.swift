/// One row of Peck et al.'s Table 3.1 (thesis, Sec. 3.3): random linear classifiers whose
/// parameters are drawn uniformly from `parameterInterval`, each tested on `samples` inputs
/// drawn uniformly from `sampleInterval`; the paper's mean, median and standard deviation of
/// the deviation of the FGS perturbation from the bound of Thm 3.6.
public struct LinearClassifierTest: Codable, Sendable, Hashable {
    public var number: Int
    public var classifiers: Int
    public var samples: Int
    public var dimension: Int
    public var classes: Int
    public var sampleInterval: ClosedRange<Double>
    public var parameterInterval: ClosedRange<Double>
    /// The thesis's Table 3.1 values: mean, median, std of the deviations.
    public var published: (mean: Double, median: Double, standardDeviation: Double) {
        Self.publishedValues[number - 1]
    }

    private static let publishedValues: [(mean: Double, median: Double, standardDeviation: Double)] = [
        (0.9283, 0.8637, 0.5557648), (3.783, 3.782, 0.5845007), (1.015, 0.9544, 0.5454238),
        (4.937, 4.498, 2.636395), (1.061, 1.076, 0.5375943),
    ]

    /// The five tests of Table 3.1, as printed in the thesis.
    public static let table31: [LinearClassifierTest] = [
        .init(number: 1, classifiers: 100, samples: 10, dimension: 2, classes: 5, sampleInterval: -1...1, parameterInterval: -1...1),
        .init(number: 2, classifiers: 100, samples: 10, dimension: 20, classes: 5, sampleInterval: -1...1, parameterInterval: -1...1),
        .init(number: 3, classifiers: 100, samples: 10, dimension: 2, classes: 50, sampleInterval: -1...1, parameterInterval: -1...1),
        .init(number: 4, classifiers: 100, samples: 10, dimension: 2, classes: 5, sampleInterval: -10...10, parameterInterval: -1...1),
        .init(number: 5, classifiers: 100, samples: 10, dimension: 2, classes: 5, sampleInterval: -1...1, parameterInterval: -10...10),
    ]
}

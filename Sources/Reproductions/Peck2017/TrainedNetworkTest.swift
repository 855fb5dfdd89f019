import Datasets

/// One row of Peck et al.'s Table 4.3: a tanh MLP trained on a standardised UCI dataset
/// (70% training, 20% test, 10% validation), and the thesis's statistics of the deviations of
/// adversarial perturbations from the Thm 4.2 bound. Spambase is not available here; Breast
/// Cancer Wisconsin stands in for it, with the Spambase network's hidden layers (7, 5, 3).
public struct TrainedNetworkTest: Sendable, Hashable {
    public var name: String
    /// The dataset actually used, short, for figure labels.
    public var shortName: String { dataset == .breastCancer ? "Breast Cancer" : name }
    public var dataset: ShippedDataset
    public var hiddenUnits: [Int]
    /// What differs from the thesis's setting, for the report.
    public var substitution: String?
    /// The thesis's mean, median, std, min, max of the deviations and its test accuracy.
    public var published: (mean: Double, median: Double, standardDeviation: Double, minimum: Double, maximum: Double, accuracy: Double)

    public static func == (a: Self, b: Self) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// Iris (4-5-3), Wine (13-5-3-3) and the Spambase network (7-5-3 hidden) on Breast Cancer.
    public static let table43: [TrainedNetworkTest] = [
        .init(name: "Iris", dataset: .iris, hiddenUnits: [5], substitution: nil,
              published: (0.715300, 0.557900, 0.4791929, 0.002236, 1.675000, 1.0)),
        .init(name: "Wine", dataset: .wine, hiddenUnits: [5, 3], substitution: nil,
              published: (1.26300, 1.13100, 0.775758, 0.01861, 3.23700, 1.0)),
        .init(name: "Spambase → Breast Cancer", dataset: .breastCancer, hiddenUnits: [7, 5, 3],
              substitution: "Breast Cancer Wisconsin (30 features, 569 cases) in place of Spambase (57 features, 4,601 cases)",
              published: (3.4130, 3.0830, 1.499317, 0.1446, 7.5140, 0.9326)),
    ]
}

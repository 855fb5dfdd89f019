/// What one Table 4.2 test measured.
public struct RandomNetworkOutcome: Sendable {
    /// Per network, the mean deviation ||q|| - bound over its attacked inputs (Fig. 4.1's box plots).
    public var networkMeans: [Double] = []
    /// Every input of every network, for the table's statistics.
    public var comparison = MultilayerPerceptronComparison()
}

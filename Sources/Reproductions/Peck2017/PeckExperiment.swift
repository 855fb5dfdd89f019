/// Every size of the Peck et al. 2017 reproduction that depends on the profile, built from it.
///
/// Table 3.1 runs at the thesis's sizes (100 classifiers × 10 inputs per test) in every profile.
/// Table 4.2: `RandomNetworkTest.table42(_:)`. Tables 5.1–5.3 and Fig. 5.12:
/// `ConvolutionalNetworkTest.table51(_:)` and `table53(_:)`. Tables 4.3 and Fig. 4.3 train for
/// 100 and 60 epochs (500 in the paper profile; the thesis names neither optimiser nor epochs).
public struct PeckExperiment: Sendable {
    public var profile: Profile
    public var linearTests: [LinearClassifierTest]
    public var randomNetworkTests: [RandomNetworkTest]
    /// Adam epochs of the Table 4.3 MLPs.
    public var trainedNetworkEpochs: Int
    /// Adam epochs of each Fig. 4.3 training run.
    public var regularisationEpochs: Int
    /// The output-margin penalty strengths ℓ of Fig. 4.3 (the thesis gives none).
    public var regularisationStrengths: [Double]
    public var table51: [ConvolutionalNetworkTest]
    public var table53: [ConvolutionalNetworkTest]
    /// The factor each convolution kernel is scaled by in Fig. 5.12 (thesis: 0.9).
    public var kernelScale: Double
    /// Held-out images FGS attacks after every epoch of Table 5.3's networks for the budget
    /// curve (`ConvolutionalBudgetPoint`); 0 measures none. The claims profile's length was
    /// chosen by it, so it measures there (and in paper); quick measures none.
    public var budgetImages: Int

    public init(_ profile: Profile) {
        self.profile = profile
        linearTests = LinearClassifierTest.table31
        randomNetworkTests = RandomNetworkTest.table42(profile)
        trainedNetworkEpochs = profile == .paper ? 500 : 100
        regularisationEpochs = profile == .paper ? 500 : 60
        regularisationStrengths = [0, 0.01, 0.1, 1, 10]
        table51 = ConvolutionalNetworkTest.table51(profile)
        table53 = ConvolutionalNetworkTest.table53(profile)
        kernelScale = 0.9
        budgetImages = profile == .quick ? 0 : 200
    }

    /// The networks whose budget curve is measured: Table 5.3's LeNet-5 and LeNet-LRN1–3,
    /// trained alike, whose ordering the LRN claims are about (none when `budgetImages` is 0).
    public var budgetCurveTests: [ConvolutionalNetworkTest] { budgetImages > 0 ? table53 : [] }
}

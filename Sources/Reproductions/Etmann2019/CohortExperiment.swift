import Datasets
import NeuralNetworks
import TensorModule

/// One cohort experiment of Etmann et al. 2019 (Sec. 4): the data, the network and the
/// `CohortSettings` its models are trained and measured with. `mnist` is the paper's MNIST
/// cohort on the data available here; `fashionMNISTSubstitute` stands in for the ImageNet /
/// ResNet-50 cohort (neither the data nor the weights are on these machines) with a deeper
/// CNN on Fashion-MNIST, the "more non-linear" contrast to MNIST. It is a substitute, not the
/// paper's experiment.
public struct CohortExperiment: Codable, Sendable, Equatable {
    /// Where the images come from.
    public enum Data: String, Codable, Sendable, Hashable {
        /// The shipped 5,000-image MNIST subset (full MNIST is not available here).
        case mnistSubset
        /// Full Fashion-MNIST (60,000 train / 10,000 test) from Debian's `dataset-fashion-mnist`.
        case fashionMNIST
    }

    /// What the reports call the experiment.
    public var title: String
    public var data: Data
    /// Training images and held-out images (stratified, seeded with `settings.seed`); a count
    /// at least the split's size takes the whole split.
    public var trainImages: Int
    public var testImages: Int
    public var spec: ModelSpec
    public var settings: CohortSettings
    /// Held-out images on which M[ρ̃] is measured after every training epoch for the budget
    /// curve (`CohortBudgetPoint`); 0 records no curve.
    public var budgetCurveImages: Int = 0

    /// The MNIST cohort: the appendix CNN on the shipped subset split 4,000 / 1,000 within
    /// every class (the paper: 50,000 / 10,000 of full MNIST), with `CohortSettings.forProfile`.
    public static func mnist(_ profile: Profile) -> CohortExperiment {
        CohortExperiment(title: "MNIST (shipped 5,000-image subset)", data: .mnistSubset, trainImages: 4000, testImages: 1000,
                         spec: MNISTCohortModel.spec, settings: .forProfile(profile), budgetCurveImages: budgetCurveImages(profile))
    }

    /// The ImageNet substitute: `FashionCohortModel` on Fashion-MNIST.
    /// - paper: full Fashion-MNIST (60,000 / 10,000) with `CohortSettings.paper` (16 lambdas,
    ///   200 epochs of the authors' SGD, Foolbox's attack settings on 1,000 images).
    /// - claims: `CohortSettings.claims` on stratified 4,000 / 1,000 subsets (the MNIST
    ///   cohort's sizes, so the two cohorts differ in data and network only), trained 12 epochs
    ///   instead of 5: measured, after 5 epochs only 3 of the 6 models are within 5 points of the
    ///   best accuracy, and 3 models cannot make a trend significant; after 12, 4 are (λ then
    ///   orders them, Spearman 1.00, one-sided p = 0.042).
    /// - quick: stratified 2,500 / 1,000 subsets, `CohortSettings.quick` with 5 lambdas over the
    ///   same range (10, 116, 1,342, 15,540, 180,000), sized so that the quick render of the whole
    ///   report stays within its share of `make reports` on two cores (about 40 s per model).
    public static func fashionMNISTSubstitute(_ profile: Profile) -> CohortExperiment {
        var settings = CohortSettings.forProfile(profile)
        switch profile {
        case .quick: settings.lambdas = CohortSettings.logSpaced(from: 10, to: 180_000, count: 5)
        case .claims: (settings.epochs, settings.decayEvery) = (12, 12)
        case .paper: break
        }
        let (train, test) = switch profile {
        case .quick: (2500, 1000)
        case .claims: (4000, 1000)
        case .paper: (60_000, 10_000)
        }
        return CohortExperiment(title: "Fashion-MNIST, deeper CNN (substitute for ImageNet / ResNet-50)", data: .fashionMNIST,
                                trainImages: train, testImages: test, spec: FashionCohortModel.spec, settings: settings,
                                budgetCurveImages: budgetCurveImages(profile))
    }

    /// The budget curve is what the claims profile is chosen by: measured there (200 images),
    /// not in the quick demonstration, nor in the paper profile, whose length is the authors'.
    private static func budgetCurveImages(_ profile: Profile) -> Int { profile == .claims ? 200 : 0 }

    /// The training and held-out images, stratified by class with `settings.seed`.
    public func load() throws -> (train: Dataset<Float>, test: Dataset<Float>) {
        switch data {
        case .mnistSubset:
            let all = try Dataset<Float>.shipped(.mnistSubset)
            precondition(trainImages + testImages <= all.count, "the MNIST subset has \(all.count) images")
            let fractions = [trainImages, testImages, all.count - trainImages - testImages].map { Double($0) / Double(all.count) }
            let parts = try all.stratifiedSplit(fractions: fractions.filter { $0 > 0 }, seed: settings.seed)
            return (parts[0], parts[1])
        case .fashionMNIST:
            return (try Dataset<Float>.fashionMNIST(split: .train).stratifiedSubset(trainImages, seed: settings.seed),
                    try Dataset<Float>.fashionMNIST(split: .test).stratifiedSubset(testImages, seed: settings.seed))
        }
    }
}

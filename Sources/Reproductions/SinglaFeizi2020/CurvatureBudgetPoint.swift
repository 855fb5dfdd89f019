import Certification
import Datasets
import NeuralNetworks
import TensorModule

/// One point of a network's budget curve: the network after `epoch` epochs of training, its
/// test accuracy, its certified accuracy at ρ (CRC with Thm 4's global K, as Table 5) and the
/// median over every (label, target) pair of Thm 4's K (Eqs. 5, 6). Over the epochs it answers
/// "how long must a standard network train before it certifies nothing, as the paper's do?",
/// the precondition of the claims about standard and penalised deep networks.
public struct CurvatureBudgetPoint: Codable, Sendable, Equatable {
    public var epoch: Int
    public var accuracy: Double
    public var certifiedAccuracy: Double
    public var medianCurvature: Double

    /// Measures `model` (3 or more layers) after `epoch` epochs: accuracy on every test image,
    /// certified accuracy at `settings.rho` over `settings.certifiedImages` correctly classified
    /// ones (`CurvatureEvaluationRunner`, certificates only) and the median K over the 90
    /// ordered pairs of distinct classes.
    public static func measure(_ model: Sequential<Float>, epoch: Int, test: Dataset<Float>,
                               settings: CurvatureEvaluationSettings,
                               progress: ProgressReporter = ProgressReporter()) throws -> CurvatureBudgetPoint {
        var certificatesOnly = settings
        (certificatesOnly.crownImages, certificatesOnly.robustImages, certificatesOnly.curvatureImages) = (0, 0, 0)
        certificatesOnly.localRefinements = 0
        let evaluation = try CurvatureEvaluationRunner.evaluate(model, test: test, settings: certificatesOnly, progress: progress)
        let network = try FullyConnectedNetwork(model)
        let classes = network.biases[network.depth - 1].count
        let pairs = (0..<classes).flatMap { label in (0..<classes).filter { $0 != label }.map { (label, $0) } }
        let curvature = try LogitCurvature.deepNetworkBound(network, labels: pairs.map(\.0), targets: pairs.map(\.1))
        return CurvatureBudgetPoint(epoch: epoch, accuracy: evaluation.accuracy,
                                    certifiedAccuracy: evaluation.certifiedAccuracy(radius: settings.rho),
                                    medianCurvature: curvature.median())
    }
}

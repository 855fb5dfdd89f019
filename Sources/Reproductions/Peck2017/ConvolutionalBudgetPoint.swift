import Datasets
import NeuralNetworks
import Robustness
import TensorModule

/// One point of a Chapter 5 network's budget curve: the network after `epoch` epochs of
/// training, its held-out accuracy, and FGS (Algorithm 2.1) on the first held-out images: the
/// adversarial rate (the share FGS turns into another class with ε ≤ 100) and the smallest
/// and median ε in pixel units, the statistics of the thesis's Table 5.3 claims ("LRN lowers
/// the adversarial rate", "more LRN layers, larger smallest ε"). Over the epochs it answers
/// "does the LRN ordering exist at this training length, and from when?".
public struct ConvolutionalBudgetPoint: Codable, Sendable, Equatable {
    public var epoch: Int
    public var accuracy: Double
    public var rate: Double
    public var smallestEpsilon: Double
    public var medianEpsilon: Double

    /// Measures `model` as it trains: it reads pixels divided by 255 (the runner folds that
    /// scale into the first convolution only after training), so FGS runs on `test`'s [0, 255]
    /// images divided by 255 with the step and tolerance divided likewise, and its ε are
    /// multiplied back: the same search as `ConvolutionalNetworkRunner.analyse` makes on the
    /// trained network. Uses the first `images` of `test`.
    public static func measure(_ model: Sequential<Float>, epoch: Int, test: Dataset<Float>, images: Int,
                               maximumStep: Double) -> ConvolutionalBudgetPoint {
        let inputs = test.inputs.rows(0..<min(images, test.count)).map { $0 / 255 }
        let classifier = Classifier(model, bounds: -Float.greatestFiniteMagnitude ... Float.greatestFiniteMagnitude)
        let predictions = classifier.predictions(inputs)
        let search = FastGradientSearch<Float>(direction: .sign, maximumStep: maximumStep / 255, tolerance: 1e-4 / 255)
        let found = search.search(classifier, inputs: inputs, criterion: .misclassification(labels: predictions))
        let newClasses = classifier.predictions(found.adversarials)
        let succeeded = found.succeeded.indices.filter { found.succeeded[$0] && newClasses[$0] != predictions[$0] }
        let epsilons = EpsilonStatistics(of: succeeded.map { 255 * found.steps[$0] })
        let accuracy = Trainer.evaluate(model, inputs: test.inputs.map { $0 / 255 }, labels: test.labels).accuracy
        return ConvolutionalBudgetPoint(epoch: epoch, accuracy: accuracy, rate: Double(succeeded.count) / Double(max(predictions.count, 1)),
                                        smallestEpsilon: epsilons.minimum, medianEpsilon: epsilons.median)
    }
}

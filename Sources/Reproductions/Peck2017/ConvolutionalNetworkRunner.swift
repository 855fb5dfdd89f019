import Certification
import Datasets
import Foundation
import NeuralNetworks
import Robustness
import TensorModule

/// Trains and analyses the convolutional networks of Peck et al. 2017, Tables 5.1–5.3.
///
/// Training reads pixels divided by 255 (as Caffe's LeNet data layer scales them); the
/// trained first convolution is then divided by 255, so the returned model reads pixels in
/// [0, 255] and computes the same function, which is what the bound and FGS (epsilon in
/// [0, 100]) see. FGS is run as Algorithm 2.1 without clipping to [0, 255] (the thesis does
/// not clip), tolerance 1e-4, on the model's own classes.
public enum ConvolutionalNetworkRunner {
    /// Training and test images, [N, 1, 28, 28] with pixels in [0, 255].
    public static func data(_ test: ConvolutionalNetworkTest) throws -> (train: Dataset<Float>, test: Dataset<Float>) {
        var (train, evaluation): (Dataset<Float>, Dataset<Float>)
        switch test.data {
        case .mnistSubset:
            let parts = try Dataset<Float>.shipped(.mnistSubset, scale: .byte).stratifiedSplit(fractions: [0.8, 0.2], seed: 2017)
            (train, evaluation) = (parts[0], parts[1])
        case .fashionMNIST:
            (train, evaluation) = (try .fashionMNIST(split: .train, scale: .byte), try .fashionMNIST(split: .test, scale: .byte))
        }
        if let limit = test.trainingLimit, limit < train.count { train = train.subset(Array(0..<limit)) }
        if let limit = test.testLimit, limit < evaluation.count { evaluation = evaluation.subset(Array(0..<limit)) }
        return (train, evaluation)
    }

    /// Trains `test.network` on the training images; the model reads pixels in [0, 255].
    /// `afterEpoch` sees the model after every epoch, while it still reads pixels divided by 255.
    public static func train(_ test: ConvolutionalNetworkTest, seed: UInt64, progress: ProgressReporter = ProgressReporter(),
                             afterEpoch: ((TrainingHistory.Epoch, Sequential<Float>) -> Void)? = nil) throws -> Sequential<Float> {
        let (train, _) = try data(test)
        let model = Sequential<Float>(test.network.spec(inputShape: train.sampleShape, classes: train.classNames.count), seed: seed)
        let options = TrainingOptions(epochs: test.epochs, batchSize: 64, learningRate: test.training == .adam ? 1e-3 : 0.01, seed: seed)
        let inputs = train.inputs.map { $0 / 255 }
        switch test.training {
        case .caffeSGD:
            Trainer.train(model, optimizer: SGD(learningRate: 0.01, momentum: 0.9, weightDecay: 5e-4), inputs: inputs,
                          labels: train.labels, options: options, name: test.name, progress: progress, afterEpoch: afterEpoch)
        case .adam:
            Trainer.train(model, optimizer: Adam(learningRate: 1e-3), inputs: inputs, labels: train.labels, options: options,
                          name: test.name, progress: progress, afterEpoch: afterEpoch)
        }
        let firstConvolution = model.layers.compactMap { $0 as? Conv2D<Float> }.first!
        firstConvolution.filter.value = firstConvolution.filter.value.map { $0 / 255 }
        return model
    }

    /// The bound (both variants), FGS and DeepFool on the test images, in batches of 250.
    public static func analyse(_ model: Sequential<Float>, test: ConvolutionalNetworkTest) throws -> ConvolutionalNetworkOutcome {
        let started = Date()
        let (_, evaluation) = try data(test)
        let bound = try ConvolutionalNetworkBound(Sequential<Double>(converting: model))
        let classifier = Classifier(model, bounds: -Float.greatestFiniteMagnitude ... Float.greatestFiniteMagnitude)
        let search = FastGradientSearch<Float>(direction: .sign, maximumStep: test.maximumStep, tolerance: 1e-4)
        let pixels = evaluation.inputs.count / max(evaluation.count, 1)
        var outcome = ConvolutionalNetworkOutcome(
            testAccuracy: Trainer.evaluate(model, inputs: evaluation.inputs, labels: evaluation.labels).accuracy, pixels: pixels,
            predictions: [], thesisBounds: [], soundBounds: [], epsilons: [], succeeded: [], fgsDistances: [], newClasses: [],
            deepFoolDistances: [], examples: [])
        for (rows, inputs) in evaluation.inputs.rowChunks(of: 250, upTo: evaluation.count) {
            let predictions = classifier.predictions(inputs)
            let criterion = Criterion.misclassification(labels: predictions)
            let found = search.search(classifier, inputs: inputs, criterion: criterion)
            let newClasses = classifier.predictions(found.adversarials)
            let precisionInputs = Tensor<Double>(converting: inputs)
            outcome.predictions += predictions
            outcome.thesisBounds += bound.bounds(precisionInputs, variant: .thesis).map(\.bound)
            outcome.soundBounds += bound.bounds(precisionInputs, variant: .sound).map(\.bound)
            outcome.epsilons += found.steps
            outcome.succeeded += zip(found.succeeded, zip(newClasses, predictions)).map { $0 && $1.0 != $1.1 }
            outcome.fgsDistances += Distance.l2.measure(found.adversarials, inputs)
            outcome.newClasses += newClasses
            for (offset, row) in rows.enumerated() where outcome.succeeded[row] && outcome.examples.count < 6
                && !outcome.examples.contains(where: { $0.originalClass == predictions[offset] }) {
                outcome.examples.append(.init(original: inputs.rowScalars(offset).map(Double.init),
                                              adversarial: found.adversarials.rowScalars(offset).map(Double.init),
                                              originalClass: predictions[offset], newClass: newClasses[offset], epsilon: found.steps[offset]))
            }
            let deepFoolRows = rows.clamped(to: 0..<test.deepFoolLimit)
            if !deepFoolRows.isEmpty {
                let subset = evaluation.inputs.rows(deepFoolRows)
                let result = try AttackDriver.attack(DeepFool<Float>(maximumIterations: 50, overshoot: 0.02), classifier: classifier,
                                                     inputs: subset, criterion: .misclassification(labels: Array(predictions[..<deepFoolRows.count])))
                outcome.deepFoolDistances += result.distances.map { $0.isFinite ? $0 : nil }
            }
        }
        outcome.analysisSeconds = Date().timeIntervalSince(started)
        return outcome
    }

    /// A copy of `model` whose first `count` convolution kernels W_i are scaled to `factor` W_i
    /// (biases unchanged), the modification of the thesis's Sec. 5.3 behind Fig. 5.12.
    public static func scalingKernels(of model: Sequential<Float>, count: Int, by factor: Float) -> Sequential<Float> {
        let scaled = Sequential<Float>(model.spec, seed: 0)
        for (target, source) in zip(scaled.state, model.state) { target.value = source.value }
        for convolution in scaled.layers.compactMap({ $0 as? Conv2D<Float> }).prefix(count) {
            convolution.filter.value = convolution.filter.value.map { $0 * factor }
        }
        return scaled
    }
}

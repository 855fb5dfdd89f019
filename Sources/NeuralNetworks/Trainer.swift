import Autodiff
import Foundation
import TensorModule

/// Mini-batch training of a Sequential classifier, deterministic for a seed, with progress
/// on the terminal (a bar per epoch on a TTY, one line per epoch otherwise).
public enum Trainer {
    /// The loss of one batch, differentiable w.r.t. the model's bound parameters, and the
    /// batch's logits (for accuracy). The default is `Loss.crossEntropy`; Etmann et al.'s
    /// double backpropagation and Singla & Feizi's curvature penalty pass their own.
    public typealias BatchLoss<Scalar: TensorScalar> = (
        _ model: Sequential<Scalar>, _ inputs: Tensor<Scalar>, _ labels: [Int], _ context: ForwardContext
    ) -> (loss: Variable<Scalar>, logits: Tensor<Scalar>)

    /// Cross-entropy of the model's logits.
    public static func crossEntropyLoss<Scalar: TensorScalar>() -> BatchLoss<Scalar> {
        { model, inputs, labels, context in
            let logits = model.forward(Variable(inputs), context: context)
            return (Loss.crossEntropy(logits: logits, labels: labels), logits.value)
        }
    }

    /// Trains `model` in place on `inputs` [N, ...] with `labels`, evaluating on
    /// `validation` (or on the rows `options.validationFraction` holds out) after every epoch.
    /// Returns the per-epoch history.
    ///
    /// - Precondition: one label per input row, a positive batch size, and not both a
    ///   `validation` set and a `validationFraction`.
    /// - Parameters:
    ///   - loss: the batch loss to minimise; default `crossEntropyLoss()`.
    ///   - name: the label of the progress lines; default "training".
    ///   - progress: where progress goes; default a `ProgressReporter` on standard error.
    ///   - afterEpoch: called after every epoch with its record and the model as it stands
    ///     (to measure a statistic against the training budget); default none.
    @discardableResult
    public static func train<Scalar: TensorScalar>(
        _ model: Sequential<Scalar>, optimizer: some Optimizer<Scalar>,
        inputs allInputs: Tensor<Scalar>, labels allLabels: [Int],
        validation givenValidation: (inputs: Tensor<Scalar>, labels: [Int])? = nil,
        options: TrainingOptions, loss batchLoss: BatchLoss<Scalar>? = nil,
        name: String = "training", progress: ProgressReporter = ProgressReporter(),
        afterEpoch: ((TrainingHistory.Epoch, Sequential<Scalar>) -> Void)? = nil
    ) -> TrainingHistory {
        precondition(allLabels.count == allInputs.shape.first, "\(allLabels.count) labels for \(allInputs.shape.first ?? 0) input rows")
        precondition(options.batchSize >= 1 && options.epochs >= 0,
                     "training needs a positive batch size and epochs >= 0, got \(options.batchSize) and \(options.epochs)")
        let (inputs, labels, validation) = holdOutValidation(allInputs, labels: allLabels, validation: givenValidation, options: options)
        let lossFunction = batchLoss ?? crossEntropyLoss()
        var generator = SeededGenerator(seed: options.seed)
        var schedule = LearningRateSchedule.State(options.schedule, base: options.learningRate)
        var history = TrainingHistory()
        var stall = (bestLoss: Double.infinity, epochs: 0)
        var best = (accuracy: -1.0, state: [Tensor<Scalar>]())
        for epoch in 0..<options.epochs {
            optimizer.learningRate = schedule.rate
            let record = runEpoch(epoch, of: model, optimizer: optimizer, inputs: inputs, labels: labels, validation: validation,
                                  loss: lossFunction, learningRate: schedule.rate, options: options, generator: &generator,
                                  name: name, progress: progress)
            history.epochs.append(record)
            progress.finish(summary(record))
            afterEpoch?(record, model)
            let monitored = record.validationLoss ?? record.trainingLoss
            schedule.endEpoch(epoch, validationLoss: monitored)
            if options.keepBestValidationAccuracy, let accuracy = record.validationAccuracy, accuracy > best.accuracy {
                best = (accuracy, model.state.map(\.value))
                history.keptEpoch = epoch + 1
            }
            if stopsEarly(monitored: monitored, stall: &stall, patience: options.earlyStoppingPatience) {
                history.stoppedEarly = true
                break
            }
        }
        if options.keepBestValidationAccuracy, !best.state.isEmpty {
            for (parameter, value) in zip(model.state, best.state) { parameter.value = value }
        } else {
            history.keptEpoch = history.epochs.last?.epoch
        }
        return history
    }

    /// The training rows and the validation set: `validation` as given, or the last
    /// `options.validationFraction` of the rows (rounded so the training part rounds down).
    private static func holdOutValidation<Scalar: TensorScalar>(
        _ inputs: Tensor<Scalar>, labels: [Int], validation: (inputs: Tensor<Scalar>, labels: [Int])?, options: TrainingOptions
    ) -> (inputs: Tensor<Scalar>, labels: [Int], validation: (inputs: Tensor<Scalar>, labels: [Int])?) {
        guard let fraction = options.validationFraction else { return (inputs, labels, validation) }
        precondition(validation == nil, "pass either a validation set or options.validationFraction, not both")
        let split = Int((Double(labels.count) * (1 - fraction)).rounded(.down))
        precondition(fraction > 0 && split >= 1 && split < labels.count,
                     "validationFraction \(fraction) of \(labels.count) rows leaves no training or no validation rows")
        return (inputs.rows(0..<split), Array(labels[..<split]),
                (inputs.rows(split..<labels.count), Array(labels[split...])))
    }

    /// One epoch: a pass over the (shuffled) training rows in mini-batches, one optimizer step
    /// each, then the evaluation on `validation`; the record's time covers both.
    private static func runEpoch<Scalar: TensorScalar>(
        _ epoch: Int, of model: Sequential<Scalar>, optimizer: some Optimizer<Scalar>, inputs: Tensor<Scalar>, labels: [Int],
        validation: (inputs: Tensor<Scalar>, labels: [Int])?, loss: BatchLoss<Scalar>, learningRate: Double,
        options: TrainingOptions, generator: inout SeededGenerator, name: String, progress: ProgressReporter
    ) -> TrainingHistory.Epoch {
        let started = Date()
        let count = labels.count
        let batches = (count + options.batchSize - 1) / options.batchSize
        var order = Array(0..<count)
        if options.shuffle { generator.shuffle(&order) }
        let context = ForwardContext(mode: .training, seed: generator.next())
        progress.start("\(name): epoch \(epoch + 1)/\(options.epochs)", total: batches)
        var lossSum = 0.0, correct = 0.0
        for batch in 0..<batches {
            let indices = Array(order[(batch * options.batchSize)..<min((batch + 1) * options.batchSize, count)])
            let batchLabels = indices.map { labels[$0] }
            model.bindParameters(requiresGradient: true)
            let (batchLoss, logits) = loss(model, inputs.gatherRows(indices), batchLabels, context)
            let gradients = gradient(of: batchLoss, wrt: model.parameters.map(\.variable)).map(\.value)
            optimizer.step(model.parameters, gradients: gradients)
            lossSum += Double(batchLoss.value.scalars[0]) * Double(indices.count)
            correct += Loss.accuracy(logits: logits, labels: batchLabels) * Double(indices.count)
            progress.update(batch + 1, status: String(format: "loss %.4f", lossSum / Double((batch * options.batchSize) + indices.count)))
        }
        var record = TrainingHistory.Epoch(
            epoch: epoch + 1, learningRate: learningRate, trainingLoss: lossSum / Double(count),
            trainingAccuracy: correct / Double(count), validationLoss: nil, validationAccuracy: nil, seconds: 0)
        if let validation {
            let evaluation = evaluate(model, inputs: validation.inputs, labels: validation.labels, batchSize: options.batchSize)
            record.validationLoss = evaluation.loss
            record.validationAccuracy = evaluation.accuracy
        }
        record.seconds = Date().timeIntervalSince(started)
        return record
    }

    /// Early stopping: whether `patience` epochs have passed without the monitored loss
    /// improving on the best so far (`stall` holds that best and the epochs since).
    private static func stopsEarly(monitored: Double, stall: inout (bestLoss: Double, epochs: Int), patience: Int?) -> Bool {
        if monitored < stall.bestLoss {
            stall = (monitored, 0)
            return false
        }
        stall.epochs += 1
        guard let patience else { return false }
        return stall.epochs >= patience
    }

    /// Mean cross-entropy and accuracy of `model` in inference mode, in batches.
    public static func evaluate<Scalar: TensorScalar>(
        _ model: Sequential<Scalar>, inputs: Tensor<Scalar>, labels: [Int], batchSize: Int = 500
    ) -> (loss: Double, accuracy: Double) {
        model.bindParameters(requiresGradient: false)
        var lossSum = 0.0, correct = 0.0
        for (range, batch) in inputs.rowChunks(of: batchSize, upTo: labels.count) {
            let batchLabels = Array(labels[range])
            let logits = model.forward(Variable(batch))
            lossSum += Double(Loss.crossEntropy(logits: logits, labels: batchLabels).value.scalars[0]) * Double(range.count)
            correct += Loss.accuracy(logits: logits.value, labels: batchLabels) * Double(range.count)
        }
        return (lossSum / Double(labels.count), correct / Double(labels.count))
    }

    private static func summary(_ record: TrainingHistory.Epoch) -> String {
        var text = String(format: "loss %.4f  accuracy %.2f%%", record.trainingLoss, 100 * record.trainingAccuracy)
        if let loss = record.validationLoss, let accuracy = record.validationAccuracy {
            text += String(format: "  validation loss %.4f  accuracy %.2f%%", loss, 100 * accuracy)
        }
        return text + String(format: "  lr %.2g", record.learningRate)
    }
}

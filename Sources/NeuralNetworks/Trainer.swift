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
        var (inputs, labels, validation) = (allInputs, allLabels, givenValidation)
        if let fraction = options.validationFraction {
            precondition(givenValidation == nil, "pass either a validation set or options.validationFraction, not both")
            let split = Int((Double(allLabels.count) * (1 - fraction)).rounded(.down))
            precondition(fraction > 0 && split >= 1 && split < allLabels.count,
                         "validationFraction \(fraction) of \(allLabels.count) rows leaves no training or no validation rows")
            inputs = allInputs.rows(0..<split)
            labels = Array(allLabels[..<split])
            validation = (allInputs.rows(split..<allLabels.count), Array(allLabels[split...]))
        }
        let lossFunction = batchLoss ?? crossEntropyLoss()
        var generator = SeededGenerator(seed: options.seed)
        var schedule = LearningRateSchedule.State(options.schedule, base: options.learningRate)
        var history = TrainingHistory()
        var bestLoss = Double.infinity, epochsWithoutImprovement = 0
        var bestAccuracy = -1.0, bestState: [Tensor<Scalar>] = []
        let count = labels.count
        let batches = (count + options.batchSize - 1) / options.batchSize
        for epoch in 0..<options.epochs {
            let started = Date()
            optimizer.learningRate = schedule.rate
            var order = Array(0..<count)
            if options.shuffle { generator.shuffle(&order) }
            let context = ForwardContext(mode: .training, seed: generator.next())
            progress.start("\(name): epoch \(epoch + 1)/\(options.epochs)", total: batches)
            var lossSum = 0.0, correct = 0.0
            for batch in 0..<batches {
                let indices = Array(order[(batch * options.batchSize)..<min((batch + 1) * options.batchSize, count)])
                let batchLabels = indices.map { labels[$0] }
                model.bindParameters(requiresGradient: true)
                let (loss, logits) = lossFunction(model, inputs.gatherRows(indices), batchLabels, context)
                let gradients = gradient(of: loss, wrt: model.parameters.map(\.variable)).map(\.value)
                optimizer.step(model.parameters, gradients: gradients)
                lossSum += Double(loss.value.scalars[0]) * Double(indices.count)
                correct += Loss.accuracy(logits: logits, labels: batchLabels) * Double(indices.count)
                progress.update(batch + 1, status: String(format: "loss %.4f", lossSum / Double((batch * options.batchSize) + indices.count)))
            }
            var record = TrainingHistory.Epoch(
                epoch: epoch + 1, learningRate: schedule.rate, trainingLoss: lossSum / Double(count),
                trainingAccuracy: correct / Double(count), validationLoss: nil, validationAccuracy: nil, seconds: 0)
            if let validation {
                let evaluation = evaluate(model, inputs: validation.inputs, labels: validation.labels, batchSize: options.batchSize)
                record.validationLoss = evaluation.loss
                record.validationAccuracy = evaluation.accuracy
            }
            record.seconds = Date().timeIntervalSince(started)
            history.epochs.append(record)
            progress.finish(summary(record))
            afterEpoch?(record, model)
            let monitored = record.validationLoss ?? record.trainingLoss
            schedule.endEpoch(epoch, validationLoss: monitored)
            if options.keepBestValidationAccuracy, let accuracy = record.validationAccuracy, accuracy > bestAccuracy {
                bestAccuracy = accuracy
                bestState = model.state.map(\.value)
                history.keptEpoch = epoch + 1
            }
            if monitored < bestLoss {
                bestLoss = monitored
                epochsWithoutImprovement = 0
            } else {
                epochsWithoutImprovement += 1
                if let patience = options.earlyStoppingPatience, epochsWithoutImprovement >= patience {
                    history.stoppedEarly = true
                    break
                }
            }
        }
        if options.keepBestValidationAccuracy, !bestState.isEmpty {
            for (parameter, value) in zip(model.state, bestState) { parameter.value = value }
        } else {
            history.keptEpoch = history.epochs.last?.epoch
        }
        return history
    }

    /// Mean cross-entropy and accuracy of `model` in inference mode, in batches.
    public static func evaluate<Scalar: TensorScalar>(
        _ model: Sequential<Scalar>, inputs: Tensor<Scalar>, labels: [Int], batchSize: Int = 500
    ) -> (loss: Double, accuracy: Double) {
        model.bindParameters(requiresGradient: false)
        var lossSum = 0.0, correct = 0.0
        for start in stride(from: 0, to: labels.count, by: batchSize) {
            let range = start..<min(start + batchSize, labels.count)
            let batchLabels = Array(labels[range])
            let logits = model.forward(Variable(inputs.rows(range)))
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

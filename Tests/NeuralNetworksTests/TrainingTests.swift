import Autodiff
import Datasets
import Foundation
import NeuralNetworks
import TensorModule
import Testing

@Suite("Training, checkpoints and network identities")
struct TrainingTests {
    static let irisSpec = ModelSpec(name: "Iris MLP", inputShape: [4], layers: [
        .dense(units: 10), .activation(.tanh), .dense(units: 3),
    ])

    func irisSplits() throws -> (train: Dataset<Double>, test: Dataset<Double>) {
        let parts = try Dataset<Double>.shipped(.iris).stratifiedSplit(fractions: [0.7, 0.3], seed: 11)
        let scaler = Standardization(fitting: parts[0].inputs)
        var (train, test) = (parts[0], parts[1])
        train.inputs = scaler.apply(to: train.inputs)
        test.inputs = scaler.apply(to: test.inputs)
        return (train, test)
    }

    @Test("a small MLP reaches at least 95% test accuracy on Iris, the same for the same seed")
    func iris() throws {
        let (train, test) = try irisSplits()
        let options = TrainingOptions(epochs: 60, batchSize: 16, learningRate: 0.05, seed: 3)
        func run() -> (Sequential<Double>, TrainingHistory) {
            let model = Sequential<Double>(Self.irisSpec, seed: 1)
            let history = Trainer.train(model, optimizer: SGD(learningRate: 0.05, momentum: 0.9), inputs: train.inputs,
                                        labels: train.labels, options: options,
                                        progress: ProgressReporter(output: .nullDevice, isTerminal: false))
            return (model, history)
        }
        let (model, history) = run()
        let accuracy = Trainer.evaluate(model, inputs: test.inputs, labels: test.labels).accuracy
        #expect(accuracy >= 0.95, "test accuracy \(accuracy)")
        #expect(history.epochs.count == 60 && history.epochs.last!.trainingLoss < history.epochs.first!.trainingLoss)
        let (again, _) = run()
        #expect(again.predict(test.inputs).scalars == model.predict(test.inputs).scalars)
    }

    @Test("Adam with early stopping and keep-best restores the best validation epoch")
    func adamEarlyStopping() throws {
        let (train, test) = try irisSplits()
        let model = Sequential<Double>(Self.irisSpec, seed: 5)
        let history = Trainer.train(
            model, optimizer: Adam(learningRate: 0.01), inputs: train.inputs, labels: train.labels,
            validation: (test.inputs, test.labels),
            options: TrainingOptions(epochs: 200, batchSize: 32, learningRate: 0.01, seed: 1,
                                     earlyStoppingPatience: 5, keepBestValidationAccuracy: true),
            progress: ProgressReporter(output: .nullDevice, isTerminal: false))
        #expect(history.stoppedEarly)
        let best = history.epochs.compactMap(\.validationAccuracy).max()!
        #expect(Trainer.evaluate(model, inputs: test.inputs, labels: test.labels).accuracy == best)
    }

    @Test("validationFraction holds out the last rows before shuffling, as an explicit validation set would")
    func validationFraction() throws {
        let (train, _) = try irisSplits()
        let quiet = ProgressReporter(output: .nullDevice, isTerminal: false)
        let split = Int(Double(train.labels.count) * 0.75)
        let (head, tail) = (train.inputs.rows(0..<split), train.inputs.rows(split..<train.labels.count))
        let options = TrainingOptions(epochs: 3, batchSize: 16, learningRate: 0.05, seed: 2)
        var heldOutOptions = options
        heldOutOptions.validationFraction = 0.25
        let heldOut = Sequential<Double>(Self.irisSpec, seed: 1)
        let heldOutHistory = Trainer.train(heldOut, optimizer: SGD(learningRate: 0.05), inputs: train.inputs,
                                           labels: train.labels, options: heldOutOptions, progress: quiet)
        let explicit = Sequential<Double>(Self.irisSpec, seed: 1)
        let explicitHistory = Trainer.train(explicit, optimizer: SGD(learningRate: 0.05), inputs: head,
                                            labels: Array(train.labels[..<split]),
                                            validation: (tail, Array(train.labels[split...])), options: options, progress: quiet)
        #expect(heldOutHistory.epochs.map(\.validationLoss) == explicitHistory.epochs.map(\.validationLoss))
        #expect(heldOutHistory.epochs.allSatisfy { $0.validationAccuracy != nil })
        #expect(heldOut.predict(tail).scalars == explicit.predict(tail).scalars)
    }

    @Test("without shuffling the seed does not matter (no dropout); with shuffling it does")
    func shuffling() throws {
        let (train, test) = try irisSplits()
        func logits(seed: UInt64, shuffle: Bool) -> [Double] {
            let model = Sequential<Double>(Self.irisSpec, seed: 1)
            Trainer.train(model, optimizer: SGD(learningRate: 0.05), inputs: train.inputs, labels: train.labels,
                          options: TrainingOptions(epochs: 2, batchSize: 8, learningRate: 0.05, seed: seed, shuffle: shuffle),
                          progress: ProgressReporter(output: .nullDevice, isTerminal: false))
            return model.predict(test.inputs).scalars
        }
        #expect(logits(seed: 1, shuffle: false) == logits(seed: 2, shuffle: false))
        #expect(logits(seed: 1, shuffle: true) != logits(seed: 2, shuffle: true))
    }

    @Test("batch norm: batch statistics in training, running statistics in inference")
    func batchNormModes() {
        let model = Sequential<Double>(ModelSpec(name: "bn", inputShape: [2], layers: [.batchNorm(momentum: 0.5, epsilon: 0)]), seed: 0)
        let x = Tensor<Double>(shape: [2, 2], scalars: [1, 10, 3, 30])
        model.bindParameters(requiresGradient: false)
        let trained = model.forward(Variable(x), context: ForwardContext(mode: .training)).value
        #expect(trained.scalars == [-1, -1, 1, 1])
        let layer = model.layers[0] as! BatchNorm<Double>
        #expect(layer.runningMean.value.scalars == [1, 10])
        #expect(layer.runningVariance.value.scalars == [1.5, 100.5])
        let inferred = model.forward(Variable(x), context: .inference).value
        #expect(abs(inferred.scalars[0] - (1 - 1) / 1.5.squareRoot()) < 1e-12)
    }

    @Test("ReLU networks are positively homogeneous: Psi(x) = <x, grad_x Psi> + sum <b, grad_b Psi> (Etmann et al. Thm 1)")
    func homogeneity() {
        let layers: [LayerSpec] = [
            .conv2d(filters: 3, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
            .conv2d(filters: 4, kernel: 3, padding: .valid), .leakyReLU(slope: 0.2), .flatten, .dense(units: 5),
            .activation(.relu), .dense(units: 4),
        ]
        var generator = SeededGenerator(seed: 12)
        let x = Tensor<Double>.randomNormal(shape: [2, 2, 8, 8], using: &generator)
        for withBias in [false, true] {
            let spec = ModelSpec(name: "relu cnn", inputShape: [2, 8, 8], layers: layers.map {
                switch $0 {
                case let .conv2d(f, k, s, p, _): return .conv2d(filters: f, kernel: k, stride: s, padding: p, bias: withBias)
                case let .dense(units, _): return .dense(units: units, bias: withBias)
                default: return $0
                }
            })
            let model = Sequential<Double>(spec, seed: 4)
            for parameter in model.parameters where parameter.name.hasSuffix("bias") {
                parameter.value = Tensor.randomNormal(shape: parameter.value.shape, using: &generator)
            }
            model.bindParameters(requiresGradient: true)
            let input = Variable(x, requiresGradient: true)
            let logits = model.forward(input)
            let biases = model.parameters.filter { $0.name.hasSuffix("bias") }
            for row in 0..<2 {
                for column in 0..<4 {
                    var seed = Tensor<Double>(repeating: 0, shape: logits.shape)
                    seed.scalars[row * 4 + column] = 1
                    let gradients = gradient(of: logits, wrt: [input] + biases.map(\.variable), seed: seed).map(\.value)
                    let inputTerm = (0..<(2 * 8 * 8)).reduce(0.0) { $0 + x.scalars[row * 128 + $1] * gradients[0].scalars[row * 128 + $1] }
                    let biasTerm = zip(biases, gradients.dropFirst()).reduce(0.0) { $0 + ($1.0.value * $1.1).sum() }
                    #expect(abs(logits.value.scalars[row * 4 + column] - inputTerm - biasTerm) < 1e-9)
                }
            }
        }
    }
}

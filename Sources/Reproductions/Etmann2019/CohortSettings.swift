import Foundation
import NeuralNetworks

/// What the Etmann et al. 2019 cohort experiment trains and measures: one model per lambda
/// (double backpropagation, `DoubleBackpropagation`), then per model the metrics on the
/// held-out images and three attacks on the first `attackImages` of them.
public struct CohortSettings: Codable, Sendable, Hashable {
    /// The optimiser that trains each model.
    public enum Optimizer: String, Codable, Sendable, Hashable {
        /// SGD with `momentum` and `weightDecay`, as the authors.
        case sgd
        /// Adam (beta 0.9, 0.999), without momentum or weight decay.
        case adam
    }

    /// The double-backpropagation weights, one model each (the authors' scaling: the
    /// effective weight on ||grad NLL_n||^2 is lambda / batchSize^2).
    public var lambdas: [Double]
    public var optimizer: Optimizer
    public var epochs: Int
    public var batchSize: Int
    /// SGD with momentum and weight decay (on every parameter, biases included, as the authors).
    public var learningRate: Double
    public var momentum: Double
    public var weightDecay: Double
    /// The learning rate is multiplied by `decayFactor` every `decayEvery` epochs.
    public var decayEvery: Int
    public var decayFactor: Double
    /// Seed of the split, the initialisation and the batch order.
    public var seed: UInt64
    /// Held-out images on which alignment, rho~ and the Thm 2/3 terms are computed.
    public var metricImages: Int
    /// Held-out images (the first ones) the three attacks run on.
    public var attackImages: Int
    /// Attack settings (Foolbox 1.8 defaults in the paper profile).
    public var gradientAttackEpsilons: Int
    public var iterativeSearchSteps: Int
    public var carliniWagnerSearchSteps: Int
    public var carliniWagnerIterations: Int
    public var carliniWagnerLearningRate: Double

    /// The paper's 16 models over 10 ... 180,000, log-spaced (the paper gives only the range),
    /// with the authors' training settings (200 epochs, batch 100, SGD momentum 0.9, learning rate
    /// 1e-3 x 0.1 every 80 epochs, weight decay 1e-6) and Foolbox 1.8's attack defaults on 1,000
    /// images. Data: the shipped 5,000-image subset (full MNIST is not available here).
    public static let paper = CohortSettings(
        lambdas: logSpaced(from: 10, to: 180_000, count: 16), optimizer: .sgd, epochs: 200, batchSize: 100, learningRate: 1e-3,
        momentum: 0.9, weightDecay: 1e-6, decayEvery: 80, decayFactor: 0.1, seed: 2019, metricImages: 1000,
        attackImages: 1000, gradientAttackEpsilons: 1000, iterativeSearchSteps: 20, carliniWagnerSearchSteps: 5,
        carliniWagnerIterations: 1000, carliniWagnerLearningRate: 5e-3)

    /// Six models over the same range trained for two epochs with Adam (learning rate 1e-3),
    /// and cheaper attacks on fewer images (20), to fit the time `make reports` allows the
    /// report (with the Fashion-MNIST substitute, which uses these settings too):
    /// 8 + 8 BIM search steps, and CW with 50 iterations per constant at learning rate 0.05.
    /// Why not the authors' SGD: at 1e-3 two epochs do not train, and at 0.02 or 0.05 (momentum
    /// 0.9) the lambda = 180,000 model diverged to non-finite weights in two epochs. Why CW's
    /// larger rate: at 5e-3, 100 iterations left most CW runs without an adversarial (pixels at
    /// 0 or 1 sit where tanh is flat).
    public static let quick = CohortSettings(
        lambdas: logSpaced(from: 10, to: 180_000, count: 6), optimizer: .adam, epochs: 2, batchSize: 100, learningRate: 1e-3,
        momentum: 0, weightDecay: 0, decayEvery: 2, decayFactor: 1, seed: 2019, metricImages: 200,
        attackImages: 20, gradientAttackEpsilons: 1000, iterativeSearchSteps: 8, carliniWagnerSearchSteps: 5,
        carliniWagnerIterations: 50, carliniWagnerLearningRate: 0.05)

    /// The claims profile: the quick profile's six models and Adam, trained long enough for λ
    /// to order the models by robustness (the precondition of the cohort-level claims), with
    /// attacks close to Foolbox's settings on more images. Chosen by measurement: the report's
    /// budget curve shows Spearman(λ, M[ρ̃]) over the usable models after every epoch. A first
    /// run of 12 epochs put it at or above 0.8 on the MNIST subset from epoch 3 on (1.00 at 12;
    /// the substitute at 1.00 throughout) and took 53 minutes on a shared machine; 5 epochs
    /// keep two epochs of margin past the crossing at less than half the training. The
    /// substitute needs 12 (see `CohortExperiment.fashionMNISTSubstitute`). CW runs 5 × 200
    /// iterations at learning rate 0.01 (Foolbox: 5 × 1,000 at 5e-3), BIM 20 + 20 search steps
    /// as Foolbox.
    public static let claims = CohortSettings(
        lambdas: logSpaced(from: 10, to: 180_000, count: 6), optimizer: .adam, epochs: 5, batchSize: 100, learningRate: 1e-3,
        momentum: 0, weightDecay: 0, decayEvery: 5, decayFactor: 1, seed: 2019, metricImages: 500,
        attackImages: 50, gradientAttackEpsilons: 1000, iterativeSearchSteps: 20, carliniWagnerSearchSteps: 5,
        carliniWagnerIterations: 200, carliniWagnerLearningRate: 0.01)

    /// The settings of `profile`.
    public static func forProfile(_ profile: Profile) -> CohortSettings {
        switch profile {
        case .quick: quick
        case .claims: claims
        case .paper: paper
        }
    }

    /// `count` values from `from` to `to`, equally spaced in log10.
    public static func logSpaced(from: Double, to: Double, count: Int) -> [Double] {
        (0..<count).map { index in
            let exponent = log10(from) + (log10(to) - log10(from)) * Double(index) / Double(max(count - 1, 1))
            return (pow(10, exponent) * 1000).rounded() / 1000
        }
    }

    /// The training options of one model.
    public var trainingOptions: TrainingOptions {
        TrainingOptions(epochs: epochs, batchSize: batchSize, learningRate: learningRate,
                        schedule: .step(every: decayEvery, factor: decayFactor), seed: seed)
    }
}

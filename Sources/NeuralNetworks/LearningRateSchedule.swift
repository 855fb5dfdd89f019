import Foundation

/// How the learning rate changes over epochs.
public enum LearningRateSchedule: Codable, Sendable, Hashable {
    /// The base rate throughout.
    case constant
    /// rate = base * factor^floor(epoch / every): Etmann et al.'s 1e-3 x 0.1 every 80 epochs.
    case step(every: Int, factor: Double)
    /// Multiply by `factor` after `patience` epochs without a lower validation loss, down to
    /// `minimum` (PyTorch's ReduceLROnPlateau in 'min' mode).
    case plateau(patience: Int, factor: Double, minimum: Double)

    /// The schedule's running state for one training run.
    public struct State: Sendable {
        let schedule: LearningRateSchedule
        let base: Double
        /// The rate to use for the next epoch.
        public private(set) var rate: Double
        private var best = Double.infinity
        private var epochsSinceBest = 0

        /// Starts at `base`.
        public init(_ schedule: LearningRateSchedule, base: Double) {
            if case let .step(every, _) = schedule {
                precondition(every >= 1, "a step schedule needs every >= 1 epochs, got \(every)")
            }
            self.schedule = schedule
            self.base = base
            self.rate = base
        }

        /// Updates the rate after epoch `epoch` (0-based) ended with `validationLoss`.
        public mutating func endEpoch(_ epoch: Int, validationLoss: Double) {
            switch schedule {
            case .constant:
                break
            case let .step(every, factor):
                rate = base * pow(factor, Double((epoch + 1) / every))
            case let .plateau(patience, factor, minimum):
                if validationLoss < best {
                    best = validationLoss
                    epochsSinceBest = 0
                } else {
                    epochsSinceBest += 1
                    if epochsSinceBest > patience {
                        rate = max(rate * factor, minimum)
                        epochsSinceBest = 0
                    }
                }
            }
        }
    }
}

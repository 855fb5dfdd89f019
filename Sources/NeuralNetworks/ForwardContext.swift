import TensorModule

/// What a forward pass needs besides its input: training or inference behaviour (batch
/// norm statistics, dropout) and the seeded generator dropout draws from.
public final class ForwardContext: @unchecked Sendable {
    /// Training uses batch statistics and drops units; inference uses running statistics.
    public enum Mode: Sendable { case training, inference }

    public let mode: Mode
    /// Dropout's masks come from here.
    public var generator: SeededGenerator

    public init(mode: Mode, seed: UInt64 = 0) {
        self.mode = mode
        self.generator = SeededGenerator(seed: seed)
    }

    /// Inference mode: deterministic, running statistics.
    public static var inference: ForwardContext { ForwardContext(mode: .inference) }
}

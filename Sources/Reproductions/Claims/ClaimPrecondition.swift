/// What must be true before a claim can be tested, e.g. "λ orders the models by robustness:
/// Spearman(λ, M[ρ̃]) = 0.31 < 0.8".
public struct ClaimPrecondition: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Whether it is met in this render.
    public var isMet: Bool
    /// The condition and the measured value, as the report prints it when it fails.
    public var description: String

    /// A precondition that is met exactly when `isMet`.
    public init(isMet: Bool, _ description: String) {
        self.isMet = isMet
        self.description = description
    }
}

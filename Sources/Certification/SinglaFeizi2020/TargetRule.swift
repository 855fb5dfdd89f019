/// Which wrong class the certificate or attack aims at (Singla & Feizi 2020, Table 15).
public enum TargetRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The class with the second largest logit (the paper's default).
    case runnerUp
    /// A random class other than the label (seeded).
    case random
    /// The class with the smallest logit.
    case leastLikely

    /// "runner-up", "random" or "least likely", as the paper's tables name the rule.
    public var title: String {
        switch self {
        case .runnerUp: return "runner-up"
        case .random: return "random"
        case .leastLikely: return "least likely"
        }
    }

    /// The seed of the random rule.
    var seed: UInt64 { 0x7AB1E15 }
}

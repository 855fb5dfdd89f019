/// What happened to a cell in one execution.
public enum CellStatus: String, Sendable, Hashable, Codable {
    /// It ran to the end.
    case ran
    /// It has `eval: false`: shown, never run.
    case notEvaluated
    /// It failed to compile, trapped or timed out.
    case failed
    /// An earlier cell failed, so it never ran.
    case notReached
}

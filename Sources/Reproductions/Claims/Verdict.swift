/// The outcome of testing one claim of a paper in one render.
///
/// A claim whose precondition fails (say, a cohort that is not ordered by robustness, or too few
/// models for any trend to reach significance) is `untestable`, never `holds`.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    case holds
    case doesNotHold
    case untestable

    /// The verdict as a report prints it.
    public var label: String {
        switch self {
        case .holds: "holds"
        case .doesNotHold: "does not hold"
        case .untestable: "untestable here"
        }
    }
}

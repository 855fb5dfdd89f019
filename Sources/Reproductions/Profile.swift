/// How large a reproduction runs: one purpose per profile.
///
/// - `quick`: a demonstration in minutes (`make reports`); headline claims may be untestable.
/// - `claims`: the smallest setting, chosen by measurement, in which every headline claim of a
///   paper can be tested on the data shipped here (`make reports PROFILE=claims`).
/// - `paper`: the authors' sizes (hours to days on a 2-core machine; meant for many machines).
///
/// A notebook declares `profile: {default: quick, choices: [quick, claims, paper], type: Profile}`
/// and receives the typed value; each paper's experiment types are built from it.
public enum Profile: String, CaseIterable, Codable, Sendable, LosslessStringConvertible {
    case quick, claims, paper

    /// The profile named `description`, or nil for an unknown name.
    public init?(_ description: String) { self.init(rawValue: description) }

    /// The profile's name as `-P profile=` takes it.
    public var description: String { rawValue }

    /// What the profile is for, in a sentence a report can print.
    public var purpose: String {
        switch self {
        case .quick: "a demonstration sized for `make reports` (minutes); headline claims may be untestable at this size"
        case .claims: "the smallest setting in which every headline claim is testable on the shipped data"
        case .paper: "the authors' sizes (hours to days on this machine)"
        }
    }
}

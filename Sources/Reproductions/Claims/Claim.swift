/// One headline claim of a paper, tested in one render: what the paper says, the statistic
/// Margin computed, the verdict and why.
///
/// The verdict rule is the same for every claim (see `Claim.init(_:source:testedOn:statistic:holds:precondition:)`):
/// a failed precondition makes the claim untestable; otherwise it holds exactly when its
/// test passes.
public struct Claim: Codable, Sendable, Equatable {
    /// The claim in a sentence, in the paper's terms.
    public var statement: String
    /// Where the paper makes it, with the paper's own numbering ("paper Fig. 3", "thesis Table 5.3").
    public var source: String
    /// The data, models or cohort it was tested on.
    public var testedOn: String
    /// The statistic and its value as the report prints it ("Spearman 0.83, n = 6, p = 0.01").
    public var statistic: String
    /// holds, does not hold or untestable here.
    public var verdict: Verdict
    /// Why: the test's rule and outcome, or the precondition that failed.
    public var reason: String

    /// A claim with an explicit verdict (for claims whose rule does not fit a threshold test).
    public init(_ statement: String, source: String, testedOn: String, statistic: String, verdict: Verdict, reason: String) {
        self.statement = statement
        self.source = source
        self.testedOn = testedOn
        self.statistic = statistic
        self.verdict = verdict
        self.reason = reason
    }

    /// A claim tested by a pass/fail rule: untestable when `precondition` fails (its
    /// description becomes the reason), otherwise holds exactly when `holds.passed`.
    ///
    /// - Parameters:
    ///   - holds: whether the test passed and the rule, e.g. `(passed: r >= 0.8, rule: "r >= 0.8")`.
    ///   - precondition: what must be true for the test to mean anything; nil when nothing is needed.
    public init(_ statement: String, source: String, testedOn: String, statistic: String,
                holds: (passed: Bool, rule: String), precondition: ClaimPrecondition? = nil) {
        if let precondition, !precondition.isMet {
            self.init(statement, source: source, testedOn: testedOn, statistic: statistic,
                      verdict: .untestable, reason: "precondition fails: " + precondition.description)
        } else {
            self.init(statement, source: source, testedOn: testedOn, statistic: statistic,
                      verdict: holds.passed ? .holds : .doesNotHold,
                      reason: (holds.passed ? "passes " : "fails ") + holds.rule)
        }
    }

    /// A claim that a quantity rises (or falls) across models, tested by `trend`: untestable
    /// when `precondition` fails or when `trend` has too few models to reach its significance
    /// level; holds when the trend has the claimed sign and is significant; does not hold otherwise.
    public init(_ statement: String, source: String, testedOn: String, trend: TrendTest,
                precondition: ClaimPrecondition? = nil) {
        let statistic = trend.summary
        if let precondition, !precondition.isMet {
            self.init(statement, source: source, testedOn: testedOn, statistic: statistic,
                      verdict: .untestable, reason: "precondition fails: " + precondition.description)
        } else if !trend.canReachSignificance {
            self.init(statement, source: source, testedOn: testedOn, statistic: statistic, verdict: .untestable,
                      reason: "\(trend.count) models cannot reach p < \(trend.significance) (smallest possible p is \(TrendTest.format(trend.smallestPossiblePValue)))")
        } else {
            self.init(statement, source: source, testedOn: testedOn, statistic: statistic,
                      verdict: trend.isSignificantInClaimedDirection ? .holds : .doesNotHold,
                      reason: trend.isSignificantInClaimedDirection
                        ? "significant \(trend.direction.word) trend (one-sided p < \(trend.significance))"
                        : "no significant \(trend.direction.word) trend (one-sided p = \(TrendTest.format(trend.pValue)) >= \(trend.significance))")
        }
    }
}

import Foundation
import Notebook

/// What `ReportRenderer.render` did.
public struct RenderResult: Sendable {
    /// The execution (check `outcome.record.failure`).
    public var outcome: ExecutionOutcome
    /// The report files written: the good reports, or the failure report when execution failed.
    public var files: [URL]
    /// Problems that did not stop the render: unresolved `@fig-x` references, invalid math.
    public var warnings: [String]

    /// Whether the notebook failed (the files are then failure reports).
    public var failed: Bool { outcome.record.failure != nil }
}

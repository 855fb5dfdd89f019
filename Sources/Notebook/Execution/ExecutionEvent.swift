/// Progress of an execution, for the command line's per-cell progress lines.
public enum ExecutionEvent: Sendable {
    /// The library is missing or stale and is being built (can take minutes).
    case buildingLibrary(command: String)
    /// Every cell's key matched the stored record: nothing compiles or runs.
    case reusingCache(cells: Int)
    /// The program runs; `reason` says why the stored results cannot be reused.
    case executing(reason: String)
    /// The program is being compiled.
    case compiling
    /// The program compiled (or was up to date) in `seconds`; `warnings` are the compiler's.
    case compiled(seconds: Double, reused: Bool, warnings: [String])
    /// A cell started running.
    case cellStarted(CodeCell)
    /// A cell finished after `seconds`.
    case cellFinished(CodeCell, seconds: Double)
    /// A running cell reported its long work: a live status line, or a `finished` summary.
    case cellProgress(CodeCell, line: String, finished: Bool)
}

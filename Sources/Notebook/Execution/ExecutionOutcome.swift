/// What `NotebookExecutor.execute` did: the record and whether it came from the cache.
public struct ExecutionOutcome: Sendable {
    /// The execution record (check `record.failure`).
    public var record: ExecutionRecord
    /// Whether the record was reused without compiling or running.
    public var isReused: Bool
    /// The notebook's build folder.
    public var folder: BuildFolder
}

import NotebookWire

/// The outcome of one cell: its cache key, status, time and outputs in order.
public struct CellResult: Sendable, Hashable, Codable {
    /// The cell's position, from 0.
    public var index: Int
    /// The cell's cache key (chains every earlier cell's key; see `CacheKeys`).
    public var key: String
    /// What happened to it.
    public var status: CellStatus
    /// Wall-clock seconds it ran.
    public var seconds: Double
    /// Its outputs in the order produced: printed text, figures, tables, Markdown, stderr.
    public var outputs: [CellOutput]

    /// A result for cell `index`.
    public init(index: Int, key: String, status: CellStatus, seconds: Double = 0, outputs: [CellOutput] = []) {
        self.index = index
        self.key = key
        self.status = status
        self.seconds = seconds
        self.outputs = outputs
    }
}

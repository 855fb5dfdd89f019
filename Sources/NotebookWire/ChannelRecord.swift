import Foundation

/// One line of the output channel: the notebook program (NotebookRuntime) appends these as
/// JSON lines to the file named by `MARGIN_NOTEBOOK_CHANNEL`, never to stdout, so nothing a
/// cell prints can corrupt them.
public enum ChannelRecord: Sendable, Hashable, Codable {
    /// A cell began; its stdout and stderr now go to `cell-N.stdout` / `cell-N.stderr` in
    /// the capture folder.
    case cellStarted(cell: Int)
    /// A cell finished after `seconds`.
    case cellFinished(cell: Int, seconds: Double)
    /// A rich output, shown after the first `stdoutOffset` bytes the cell printed.
    case output(cell: Int, stdoutOffset: Int, output: CellOutput)
    /// A named seed a cell asked for with `seed(_:)`.
    case seed(name: String, value: UInt64)
    /// An artifact cache lookup: `hit` when the value came from the cache.
    case artifact(name: String, key: String, hit: Bool)
    /// A data file the program read through Margin's loaders, with the SHA-256 of its bytes.
    case dataFileRead(path: String, sha256: String)
    /// A line about a cell's long work (a training epoch, an attack batch) for margin's
    /// terminal, never for the report: a live status that the next line replaces, or, when
    /// `finished`, a summary line to keep.
    case progress(cell: Int, line: String, finished: Bool)

    /// The record as one line of JSON (no newline inside).
    public func jsonLine() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}

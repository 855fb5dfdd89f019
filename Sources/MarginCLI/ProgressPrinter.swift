import Foundation
import Notebook

/// Prints progress to stderr: one line per cell with its elapsed time, compile and cache
/// notes; nothing but errors with --quiet.
struct ProgressPrinter: Sendable {
    /// Whether only errors are printed.
    let isQuiet: Bool
    /// The notebook's path, prefixed to notebook-level lines.
    let notebook: String

    /// Prints `text` to stderr unless quiet.
    func note(_ text: String) {
        guard !isQuiet else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints an error to stderr (even when quiet).
    func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Handles one execution event.
    func handle(_ event: ExecutionEvent) {
        switch event {
        case .buildingLibrary(let command):
            note("\(notebook): the Margin library is missing or stale; building it (\(command))…\n")
        case .reusingCache(let cells):
            note("\(notebook): \(cells) cells unchanged; reusing cached results\n")
        case .executing(let reason):
            note("\(notebook): \(reason); running the notebook\n")
        case .compiling:
            note("  compiling… ")
        case .compiled(let seconds, let reused, let warnings):
            if reused {
                note("  program up to date\n")
            } else {
                note(String(format: "%.1f s\n", seconds))
            }
            for warning in warnings { note("  \(warning)\n") }
        case .cellStarted(let cell):
            note("  \(cell.displayName) … ")
        case .cellFinished(_, let seconds):
            note(String(format: "%.2f s\n", seconds))
        }
    }
}

import Foundation
import Notebook

/// Prints progress to stderr: one line per cell with its elapsed time, compile and cache
/// notes, and what a running cell reports of its long work (`ExecutionEvent.cellProgress`);
/// nothing but errors with --quiet.
///
/// On a terminal a cell's live status is drawn after its name and redrawn in place, cut to
/// the terminal's width, and its summary lines are kept above it; elsewhere (logs, CI) only
/// the summary lines are written, one per line under the cell's name.
final class ProgressPrinter: @unchecked Sendable {
    /// Whether only errors are printed.
    let isQuiet: Bool
    /// The notebook's path, prefixed to notebook-level lines.
    let notebook: String
    private let output: FileHandle
    private let isTerminal: Bool
    private let columns: Int
    /// The running cell's name, when its line is open (no newline yet).
    private var openCell: String?
    /// Whether the running cell's name line has been ended by a kept progress line.
    private var cellLineEnded = false

    init(isQuiet: Bool, notebook: String, output: FileHandle = .standardError, isTerminal: Bool? = nil, columns: Int? = nil) {
        self.isQuiet = isQuiet
        self.notebook = notebook
        self.output = output
        self.isTerminal = isTerminal ?? (isatty(STDERR_FILENO) == 1)
        self.columns = columns ?? Self.terminalColumns()
    }

    /// Prints `text` to stderr unless quiet.
    func note(_ text: String) {
        guard !isQuiet else { return }
        output.write(Data(text.utf8))
    }

    /// Prints an error to stderr (even when quiet).
    func error(_ text: String) {
        output.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
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
            (openCell, cellLineEnded) = ("  \(cell.displayName) … ", false)
            note(openCell!)
        case .cellProgress(_, let line, let finished):
            showProgress(line, finished: finished)
        case .cellFinished(_, let seconds):
            let time = String(format: "%.2f s\n", seconds)
            if isTerminal {
                note("\r\u{1B}[2K" + (openCell ?? "") + time)
            } else {
                note((cellLineEnded ? openCell ?? "" : "") + time)
            }
            openCell = nil
        }
    }

    /// A summary line is kept (indented under the cell); a live line replaces the last one,
    /// on a terminal only.
    private func showProgress(_ line: String, finished: Bool) {
        let cell = openCell ?? ""
        if isTerminal {
            let clear = "\r\u{1B}[2K"
            note(finished ? clear + "    \(line)\n" + cell : clear + String((cell + line).prefix(max(columns - 1, 1))))
        } else if finished {
            note((cellLineEnded ? "" : "\n") + "    \(line)\n")
            cellLineEnded = true
        }
    }

    /// The width of standard error's terminal (TIOCGWINSZ), 80 when unknown.
    private static func terminalColumns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}

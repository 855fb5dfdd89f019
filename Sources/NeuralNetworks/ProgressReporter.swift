import Foundation

/// Shows long work (training epochs, attack batches) on a terminal: a live bar with counts,
/// elapsed time and ETA, cut to the terminal's width and redrawn in place, when standard
/// error is a TTY; one plain line per finished task otherwise (logs, CI), so redirected
/// output stays readable.
///
/// A reporter made with `init(lines:)` hands its lines to a closure instead (a notebook
/// program sends them to `margin`, which draws them on its own terminal).
public final class ProgressReporter: @unchecked Sendable {
    private let output: FileHandle
    private let isTerminal: Bool
    private let lineHandler: (@Sendable (_ line: String, _ finished: Bool) -> Void)?
    private let barWidth = 28
    private var label = ""
    private var total = 0
    private var started = Date()
    private var lastDraw = Date.distantPast
    private let columns: () -> Int

    /// Reports to `output` (default standard error).
    /// - Parameters:
    ///   - isTerminal: default isatty(2), whether standard error is a terminal.
    ///   - columns: the terminal's width, which the live line is cut to so that it never wraps
    ///     (a wrapped line cannot be redrawn in place); default: asked of standard error's
    ///     terminal at every redraw (so resizing works), 80 when it does not say.
    public init(output: FileHandle = .standardError, isTerminal: Bool? = nil, columns: Int? = nil) {
        self.output = output
        self.isTerminal = isTerminal ?? (isatty(STDERR_FILENO) == 1)
        self.columns = columns.map { fixed in { fixed } } ?? Self.standardErrorColumns
        lineHandler = nil
    }

    /// Hands each line to `lines` instead of writing it: the live line (bar, counts, ETA and
    /// status, at most ten a second) with `finished` false, the summary with `finished` true.
    /// Whoever shows them cuts them to their terminal.
    public init(lines: @escaping @Sendable (_ line: String, _ finished: Bool) -> Void) {
        output = .nullDevice
        isTerminal = true
        columns = { Int.max }
        lineHandler = lines
    }

    /// Starts a task of `total` steps named `label` (e.g. "epoch 3/30").
    public func start(_ label: String, total: Int) {
        self.label = label
        self.total = total
        started = Date()
        lastDraw = .distantPast
    }

    /// Marks `completed` of the steps done; `status` (e.g. "loss 0.231") follows the bar.
    /// Redraws at most ten times a second, and only on a terminal.
    public func update(_ completed: Int, status: String = "") {
        guard isTerminal, Date().timeIntervalSince(lastDraw) >= 0.1 || completed == total else { return }
        lastDraw = Date()
        let fraction = total > 0 ? min(Double(completed) / Double(total), 1) : 1
        let filled = Int(fraction * Double(barWidth))
        let elapsed = Date().timeIntervalSince(started)
        let remaining = fraction > 0 ? Self.duration(elapsed * (1 - fraction) / fraction) : "--"
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: barWidth - filled)
        let line = "\(label) \(bar) \(completed)/\(total) \(Self.duration(elapsed)) ETA \(remaining) \(status)"
        if let lineHandler { return lineHandler(line, false) }
        write("\r\u{1B}[2K" + line.prefix(max(columns() - 1, 1)))
    }

    /// Ends the task with a summary line, kept on screen (and the only line when not a TTY).
    public func finish(_ summary: String) {
        let elapsed = Self.duration(Date().timeIntervalSince(started))
        if let lineHandler { return lineHandler("\(label) \(summary) (\(elapsed))", true) }
        write((isTerminal ? "\r\u{1B}[2K" : "") + "\(label) \(summary) (\(elapsed))\n")
    }

    /// "12.3 s", "4 min 05 s".
    static func duration(_ seconds: TimeInterval) -> String {
        seconds < 60 ? String(format: "%.1f s", seconds)
            : String(format: "%d min %02d s", Int(seconds) / 60, Int(seconds) % 60)
    }

    /// The width of standard error's terminal (TIOCGWINSZ), 80 when unknown.
    private static func standardErrorColumns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    private func write(_ text: String) {
        output.write(Data(text.utf8))
    }
}

import Foundation
import NotebookWire

/// Runs a compiled notebook program as a child process and collects what its cells produced.
///
/// Output capture: the runtime (NotebookRuntime) redirects file descriptors 1 and 2 with
/// `dup2` to `capture/cell-N.stdout|stderr` when cell N begins, and appends JSON records
/// (cell started/finished, rich outputs with the stdout byte offset at which they were
/// shown) to `channel.jsonl`. The parent polls the channel for progress and timeouts, then
/// interleaves each cell's stdout with its rich outputs by offset. User prints cannot reach
/// the channel, and a crash report lands in the stderr file of the cell that crashed.
struct ProgramRunner {
    /// What the run produced.
    struct Outcome {
        var records: [ChannelRecord]
        var results: [CellResult]
        var seconds: Double
        var failure: NotebookError?
    }

    let document: NotebookDocument
    let generator: ProgramGenerator
    let folder: BuildFolder
    let keys: CacheKeys
    let environment: [String: String]
    /// `ExecutionSettings.cellTimeout`: when set, the limit of every cell.
    let timeoutOverride: Double?
    let onEvent: @Sendable (ExecutionEvent) -> Void

    /// Runs `executable`; never throws for a failing program (the failure is in the outcome).
    func run(_ executable: URL) throws -> Outcome {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: folder.run)
        let capture = folder.run.appendingPathComponent("capture")
        try fileManager.createDirectory(at: capture, withIntermediateDirectories: true)
        let channelURL = folder.run.appendingPathComponent("channel.jsonl")
        try Data().write(to: channelURL)
        let programOutput = folder.run.appendingPathComponent("program.stderr")
        try Data().write(to: programOutput)

        let process = Process()
        process.executableURL = executable
        process.currentDirectoryURL = document.directory
        var childEnvironment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        childEnvironment[ChannelEnvironment.channel] = channelURL.path
        childEnvironment[ChannelEnvironment.capture] = capture.path
        childEnvironment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none"
        process.environment = childEnvironment
        process.standardInput = FileHandle.nullDevice
        let programHandle = try FileHandle(forWritingTo: programOutput)
        process.standardOutput = programHandle
        process.standardError = programHandle
        let start = Date()
        do {
            try process.run()
        } catch {
            throw NotebookError(.environment, "cannot start the notebook program: \(error.localizedDescription)")
        }
        let reader = ChannelReader(url: channelURL)
        var records: [ChannelRecord] = []
        var running: (cell: CodeCell, since: Date)?
        var timedOut: CodeCell?
        var channelError: NotebookError?
        func drain() {
            do {
                for record in try reader.readNew() {
                    if case let .progress(index, line, finished) = record {
                        if let cell = cell(index) { onEvent(.cellProgress(cell, line: line, finished: finished)) }
                        continue
                    }
                    records.append(record)
                    switch record {
                    case .cellStarted(let index):
                        if let cell = cell(index) {
                            running = (cell, Date())
                            onEvent(.cellStarted(cell))
                        }
                    case .cellFinished(let index, let seconds):
                        if let cell = cell(index) { onEvent(.cellFinished(cell, seconds: seconds)) }
                        running = nil
                    default: break
                    }
                }
            } catch let error as NotebookError {
                channelError = error
            } catch {
                channelError = NotebookError(.runtimeError, "\(error)")
            }
        }
        while process.isRunning {
            drain()
            if let (cell, since) = running, Date().timeIntervalSince(since) > timeout(of: cell) {
                timedOut = cell
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        try? programHandle.close()
        drain()
        let seconds = Date().timeIntervalSince(start)
        let results = collectResults(records: records, capture: capture, failedCell: timedOut?.index ?? running?.cell.index)
        let failure = channelError ?? diagnose(process: process, timedOut: timedOut, running: running?.cell,
                                              capture: capture, programOutput: programOutput)
        return Outcome(records: records, results: results, seconds: seconds, failure: failure)
    }

    private func cell(_ index: Int) -> CodeCell? {
        document.cells.first { $0.index == index }
    }

    private func timeout(of cell: CodeCell) -> Double {
        timeoutOverride ?? cell.options.timeout ?? document.frontMatter.cellTimeout
    }

    /// Builds each cell's result: stdout split at the offsets where rich outputs were shown.
    private func collectResults(records: [ChannelRecord], capture: URL, failedCell: Int?) -> [CellResult] {
        var started = Set<Int>(), seconds: [Int: Double] = [:], shown: [Int: [(Int, CellOutput)]] = [:]
        for record in records {
            switch record {
            case .cellStarted(let index): started.insert(index)
            case .cellFinished(let index, let duration): seconds[index] = duration
            case .output(let index, let offset, let output): shown[index, default: []].append((offset, output))
            default: break
            }
        }
        return document.cells.map { cell in
            let key = keys.cells[cell.index]
            guard cell.options.eval else { return CellResult(index: cell.index, key: key, status: .notEvaluated) }
            guard started.contains(cell.index) else { return CellResult(index: cell.index, key: key, status: .notReached) }
            let stdout = (try? Data(contentsOf: capture.appendingPathComponent("cell-\(cell.index).stdout"))) ?? Data()
            let stderr = (try? Data(contentsOf: capture.appendingPathComponent("cell-\(cell.index).stderr"))) ?? Data()
            var outputs: [CellOutput] = []
            var position = 0
            for (offset, output) in shown[cell.index] ?? [] {
                let end = min(max(offset, position), stdout.count)
                if end > position { outputs.append(.text(String(decoding: stdout[position..<end], as: UTF8.self))) }
                outputs.append(output)
                position = end
            }
            if stdout.count > position { outputs.append(.text(String(decoding: stdout[position...], as: UTF8.self))) }
            if !stderr.isEmpty { outputs.append(.errorText(cleanCrashReport(String(decoding: stderr, as: UTF8.self)))) }
            let failed = cell.index == failedCell || (seconds[cell.index] == nil)
            return CellResult(index: cell.index, key: key, status: failed ? .failed : .ran,
                              seconds: seconds[cell.index] ?? 0, outputs: outputs)
        }
    }

    /// A crash report trimmed to what a reader needs, with the notebook's path as given.
    private func cleanCrashReport(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: generator.sourcePath, with: document.path)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.prefix(60)
        return kept.joined(separator: "\n") + (lines.count > kept.count ? "\n… (\(lines.count - kept.count) more lines)" : "")
    }

    private func diagnose(process: Process, timedOut: CodeCell?, running: CodeCell?, capture: URL,
                          programOutput: URL) -> NotebookError? {
        if let cell = timedOut {
            return NotebookError(.timeout, at: cell.fenceLocation,
                                 "\(cell.displayName) ran longer than its \(formatSeconds(timeout(of: cell))) timeout and was stopped",
                                 hint: timeoutOverride == nil
                                    ? "raise `timeout` in the cell's options (//| timeout: 1200) or in the front matter, or pass --timeout SECONDS (none: no limit) to margin render"
                                    : "raise --timeout (none: no limit)")
        }
        let crashed = process.terminationReason == .uncaughtSignal || process.terminationStatus != 0
        guard crashed || running != nil else { return nil }
        let programText = (try? String(contentsOf: programOutput, encoding: .utf8)) ?? ""
        guard let cell = running else {
            return NotebookError(.runtimeError, "the notebook program failed before its first cell (status \(process.terminationStatus))",
                                 hint: "check that the library in the library folder matches the sources (rebuild with --fresh)",
                                 detail: programText)
        }
        let stderr = (try? String(contentsOf: capture.appendingPathComponent("cell-\(cell.index).stderr"), encoding: .utf8)) ?? ""
        let report = stderr.replacingOccurrences(of: generator.sourcePath, with: document.path)
        let location = crashLocation(in: report) ?? cell.fenceLocation
        let detail = cleanCrashReport(stderr)
        let uncaught = "Error raised at top level: "
        switch (process.terminationReason, crashReason(in: report)) {
        case let (.uncaughtSignal, reason?) where reason.hasPrefix(uncaught):
            return NotebookError(.runtimeError, at: location,
                                 "\(cell.displayName) threw an error that nothing caught: \(reason.dropFirst(uncaught.count))",
                                 hint: "handle it with do { … } catch { … } in the cell, or fix what the error reports",
                                 detail: detail)
        case let (.uncaughtSignal, reason?) where [SIGILL, SIGTRAP].contains(process.terminationStatus):
            return NotebookError(.runtimeError, at: location, "\(cell.displayName) trapped: \(reason)", detail: detail)
        case let (.uncaughtSignal, reason):
            let check = reason == nil ? trappingLibraryFunction(in: report).map { " in \($0)" } ?? "" : ""
            return NotebookError(.runtimeError, at: location,
                                 "\(cell.displayName) \(describe(signal: process.terminationStatus, check: check))"
                                 + (reason.map { ": \($0)" } ?? ""),
                                 detail: detail)
        default:
            return NotebookError(.runtimeError, at: location, "\(cell.displayName) exited with status \(process.terminationStatus)",
                                 detail: detail)
        }
    }

    /// The message of the check that stopped the program, from its crash report: what follows
    /// "Fatal error: " (fatalError, an index out of range, an uncaught error), "Precondition
    /// failed: " or "Assertion failed: ", else the reason the backtrace names for a runtime
    /// failure ("Swift runtime failure: Unexpectedly found nil while unwrapping an Optional
    /// value in main at nb.md:5:20").
    private func crashReason(in report: String) -> String? {
        let lines = report.split(separator: "\n").map(String.init)
        for marker in ["Fatal error: ", "Precondition failed: ", "Assertion failed: "] {
            if let line = lines.first(where: { $0.contains(marker) }), let range = line.range(of: marker) {
                let message = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
                return message.isEmpty ? marker.trimmingCharacters(in: .init(charactersIn: ": ")) : message
            }
        }
        let marker = "Swift runtime failure: "
        guard let line = lines.first(where: { $0.contains(marker) }), let range = line.range(of: marker) else { return nil }
        let failure = line[range.upperBound...]
        return String(failure.range(of: " in ").map { failure[..<$0.lowerBound] } ?? failure)
    }

    /// The library function whose check trapped, from the crashed thread's first frame when
    /// it is system code (an optimised program prints no message: "0 [inlined] [system] 0x…
    /// specialized Array.subscript.getter in main at …" gives "Array.subscript.getter").
    private func trappingLibraryFunction(in report: String) -> String? {
        guard let frame = report.split(separator: "\n").first(where: { $0.hasPrefix("  0 ") }), frame.contains("[system]"),
              let address = frame.range(of: #"0x[0-9a-f]+ "#, options: .regularExpression),
              let end = frame.range(of: " in ", range: address.upperBound..<frame.endIndex) else { return nil }
        let function = frame[address.upperBound..<end.lowerBound]
        return String(function.hasPrefix("specialized ") ? function.dropFirst("specialized ".count) : function)
    }

    /// What a fatal signal usually means in a Swift program; `check` names where a trap happened.
    private func describe(signal: Int32, check: String) -> String {
        switch signal {
        case SIGILL, SIGTRAP: "trapped\(check) (a failed runtime check: index out of range, nil unwrapped, overflow, precondition)"
        case SIGSEGV, SIGBUS: "crashed (bad memory access, signal \(signal))"
        case SIGABRT: "aborted (signal \(signal))"
        default: "was killed by signal \(signal)"
        }
    }

    /// The first notebook line named in a crash report (`… at nb.md:14:5`).
    private func crashLocation(in report: String) -> SourceLocation? {
        let marker = document.path + ":"
        for line in report.split(separator: "\n") {
            guard let range = line.range(of: marker) else { continue }
            let digits = line[range.upperBound...].prefix { $0.isNumber }
            if let number = Int(digits) {
                let rest = line[range.upperBound...].dropFirst(digits.count)
                let column = rest.first == ":" ? Int(rest.dropFirst().prefix { $0.isNumber }) : nil
                return SourceLocation(file: document.path, line: number, column: column)
            }
        }
        return nil
    }

    private func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }
}

import Foundation
import NotebookWire

/// The notebook program's connection to `margin`: the generated program calls
/// `beginCell`/`endCell` around each cell, and `show`, `markdown`, `cached` and `seed` go
/// through `NotebookSession.shared`.
///
/// When the parent sets `MARGIN_NOTEBOOK_CHANNEL` and `MARGIN_NOTEBOOK_CAPTURE`, each cell's
/// stdout and stderr are redirected (`dup2`) to `cell-N.stdout|stderr` in the capture folder
/// and records are appended to the channel file as JSON lines. Without them (a program run
/// by hand) output stays on the terminal and records are dropped.
public final class NotebookSession: @unchecked Sendable {
    /// The session of this process.
    public static let shared = NotebookSession(environment: ProcessInfo.processInfo.environment)

    private let lock = NSLock()
    private let channel: Int32?
    private let captureDirectory: URL?
    private let parameterValues: [String: String]
    private var cellStart = Date()
    private var figureSize = (width: FigureRecord.defaultWidth, height: FigureRecord.defaultHeight)
    /// Paths of the artifacts this process stored, which a fresh run may read back.
    private var artifactsStored: Set<String> = []

    /// The artifact cache folder (`cached(_:key:compute:)`).
    public let artifactDirectory: URL
    /// The folder for the SVGs of rasterised figures (`show(_:)`).
    public let figureDirectory: URL
    /// Whether the artifact cache is ignored (`margin render --fresh`).
    public let isFresh: Bool
    /// The notebook's base seed (front matter `seed`).
    public let baseSeed: UInt64
    /// The cell running now, from 0 (nil outside cells).
    public private(set) var currentCell: Int?

    init(environment: [String: String]) {
        channel = environment[ChannelEnvironment.channel].map { open($0, O_WRONLY | O_APPEND | O_CREAT, 0o644) }
            .flatMap { $0 >= 0 ? $0 : nil }
        captureDirectory = environment[ChannelEnvironment.capture].map { URL(fileURLWithPath: $0) }
        let parameterJSON = Data((environment[ChannelEnvironment.parameters] ?? "{}").utf8)
        parameterValues = (try? JSONDecoder().decode([String: String].self, from: parameterJSON)) ?? [:]
        artifactDirectory = environment[ChannelEnvironment.artifactCache].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("margin-artifacts")
        figureDirectory = environment[ChannelEnvironment.figures].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("margin-figures")
        isFresh = environment[ChannelEnvironment.fresh] == "1"
        baseSeed = environment[ChannelEnvironment.seed].flatMap(UInt64.init) ?? 0
    }

    /// Makes `standardOutput` (the program's `stdout`) line-buffered while output is
    /// captured, so a crash loses at most an unfinished line, keeps freed memory in the
    /// process for the cells' tensors (`AllocatorTuning`), and, when `margin` runs the program,
    /// ends it when `margin` ends (`exitWhenParentEnds`). The generated program calls this first.
    public func start(standardOutput: UnsafeMutablePointer<FILE>) {
        AllocatorTuning.retainFreedMemory()
        if captureDirectory != nil { setvbuf(standardOutput, nil, _IOLBF, 0) }
        if channel != nil { exitWhenParentEnds() }
    }

    /// Watches the parent from a background thread and exits (status 130, as after Ctrl-C)
    /// within a quarter second of it ending: when `margin` is interrupted or killed, its
    /// notebook program, which runs in a process group of its own and so never sees the
    /// terminal's Ctrl-C, does not go on training for hours with no one reading its output.
    /// The parent has ended when this process is handed to another (init or a subreaper).
    private func exitWhenParentEnds() {
        let parent = getppid()
        let watcher = Thread {
            while getppid() == parent { usleep(250_000) }
            _exit(130)
        }
        watcher.name = "margin parent watch"
        watcher.start()
    }

    /// The value of parameter `name` set by the parent, or `defaultValue` when the program
    /// runs on its own.
    public func parameter<Value: LosslessStringConvertible>(_ name: String, default defaultValue: Value) -> Value {
        parameterValues[name].flatMap(Value.init) ?? defaultValue
    }

    /// The value of parameter `name` as the library type `Value` (a notebook's `type: Profile`),
    /// parsed from the text the parent set or from `defaultText`. `margin` has already checked
    /// the text against the declared choices, so a text that `Value` does not parse is a
    /// notebook whose choices name a value its type lacks: the program stops and says so.
    public func parameter<Value: LosslessStringConvertible>(_ name: String, default defaultText: String,
                                                            as type: Value.Type) -> Value {
        let text = parameterValues[name] ?? defaultText
        guard let value = Value(text) else {
            fatalError("parameter `\(name)`: `\(text)` is not a value of \(Value.self); make the notebook's `choices` name only values \(Value.self) knows")
        }
        return value
    }

    /// Marks the start of cell `index`, whose figures are `figureWidth` x `figureHeight` points.
    public func beginCell(_ index: Int, figureWidth: Double, figureHeight: Double) {
        flushStandardStreams()
        lock.withLock {
            currentCell = index
            figureSize = (figureWidth, figureHeight)
            cellStart = Date()
        }
        if let captureDirectory {
            redirect(STDOUT_FILENO, to: captureDirectory.appendingPathComponent("cell-\(index).stdout"))
            redirect(STDERR_FILENO, to: captureDirectory.appendingPathComponent("cell-\(index).stderr"))
        }
        send(.cellStarted(cell: index))
    }

    /// Marks the end of cell `index`.
    public func endCell(_ index: Int) {
        flushStandardStreams()
        let seconds = lock.withLock {
            currentCell = nil
            return Date().timeIntervalSince(cellStart)
        }
        send(.cellFinished(cell: index, seconds: seconds))
    }

    /// Called after the last cell: flushes output.
    public func finish() {
        flushStandardStreams()
    }

    /// The figure size of the current cell in points (its `fig-width` and `fig-height`).
    public var currentFigureSize: (width: Double, height: Double) {
        lock.withLock { figureSize }
    }

    /// Sends a rich output of the current cell, placed after what it has printed so far.
    public func send(_ output: CellOutput) {
        flushStandardStreams()
        let offset = captureDirectory == nil ? 0 : Int(lseek(STDOUT_FILENO, 0, SEEK_CUR))
        let cell = lock.withLock { currentCell } ?? -1
        send(.output(cell: cell, stdoutOffset: max(offset, 0), output: output))
    }

    /// Whether the artifact at `url` may be read instead of computed: always, except in a
    /// fresh run (`margin render --fresh`), which reads back only what it stored itself, so
    /// that it computes every artifact once, however many cells ask for it.
    func mayReuseArtifact(at url: URL) -> Bool {
        !isFresh || lock.withLock { artifactsStored.contains(url.path) }
    }

    /// Records that this process stored the artifact at `url`.
    func artifactStored(at url: URL) {
        _ = lock.withLock { artifactsStored.insert(url.path) }
    }

    /// Tells `margin` that the program read the data file at `path`, whose bytes have the
    /// SHA-256 `sha256`: a later render reuses the stored results only while it is unchanged.
    public func reportDataFileRead(path: String, sha256: String) {
        send(.dataFileRead(path: path, sha256: sha256))
    }

    /// Whether `margin` reads this program's channel (false for a program run by hand).
    public var hasChannel: Bool { channel != nil }

    /// Sends a progress line of the current cell's long work to `margin`, which shows it on
    /// its terminal and keeps it out of the report (see `ChannelRecord.progress`).
    public func reportProgress(_ line: String, finished: Bool) {
        let cell = lock.withLock { currentCell } ?? -1
        send(.progress(cell: cell, line: line, finished: finished))
    }

    /// Appends `record` to the channel (one `write` per record, so records never interleave).
    func send(_ record: ChannelRecord) {
        guard let channel, let line = try? record.jsonLine() else { return }
        lock.withLock {
            line.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let result = write(channel, buffer.baseAddress! + written, buffer.count - written)
                    if result <= 0 { break }
                    written += result
                }
            }
        }
    }

    private func flushStandardStreams() {
        fflush(nil)
    }

    private func redirect(_ descriptor: Int32, to url: URL) {
        let file = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard file >= 0 else { return }
        dup2(file, descriptor)
        close(file)
    }
}

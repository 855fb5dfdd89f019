import Checksums
import Foundation
import NotebookWire

/// Executes notebooks: computes cache keys, reuses the stored record when no key changed,
/// otherwise generates, compiles (unless the same program is already built) and runs the
/// notebook program, and stores the new record.
public struct NotebookExecutor: Sendable {
    /// How to build and run.
    public var settings: ExecutionSettings

    /// An executor with `settings`.
    public init(settings: ExecutionSettings) {
        self.settings = settings
    }

    /// The build folder of `document`.
    public func folder(for document: NotebookDocument) -> BuildFolder {
        BuildFolder(root: settings.buildRoot, notebookPath: document.path)
    }

    /// Executes `document`, holding its build folder (`BuildFolderLock`). Invalid parameters,
    /// another margin executing the same notebook, a missing library or unreadable inputs throw;
    /// a notebook that fails to compile or run returns a record whose `failure` says why,
    /// with the outputs produced before the failure (the stored good record is kept).
    public func execute(_ document: NotebookDocument) throws -> ExecutionOutcome {
        let parameters = try document.frontMatter.bindings(for: settings.parameterAssignments)
        let folder = folder(for: document)
        let hold = try BuildFolderLock(folder, notebookPath: document.path)
        defer { withExtendedLifetime(hold) {} }
        try buildLibraryIfStale(log: folder.log)
        let toolchain = try Toolchain.detect()
        let fingerprint = try settings.library.fingerprint()
        let inputs = try checksums(of: document)
        let keys = CacheKeys(document: document, toolchain: toolchain.version, libraryFingerprint: fingerprint,
                             parameters: parameters, inputs: inputs)
        folder.log.append("render", document.path)
        let stored = settings.fresh ? nil : AtomicFile.readJSON(ExecutionRecord.self, from: folder.record)
        let firstChanged = stored.flatMap { keys.firstChangedCell(comparedWith: $0) }
        let changedDataFile = stored.flatMap { firstChangedDataFile(of: $0) }
        if let stored, firstChanged == nil, changedDataFile == nil {
            folder.log.append("reuse", "\(document.cells.count) cells unchanged")
            settings.onEvent(.reusingCache(cells: document.cells.count))
            return ExecutionOutcome(record: stored, isReused: true, folder: folder)
        }
        settings.onEvent(.executing(reason: changedDataFile.map { "data file \($0) changed" }
            ?? executionReason(stored: stored, keys: keys, firstChanged: firstChanged, document: document)))
        var record = ExecutionRecord(notebookKey: keys.notebook, cells: [], parameters: parameters,
                                     baseSeed: document.frontMatter.seed, inputs: inputs, toolchain: toolchain.version,
                                     libraryFingerprint: fingerprint, date: Date())
        let generator = ProgramGenerator(document: document)
        let executable: URL
        do {
            executable = try compileProgram(generator, document: document, toolchain: toolchain, fingerprint: fingerprint,
                                            folder: folder, record: &record)
        } catch let error as NotebookError {
            record.failure = error
            record.cells = compileFailureResults(error, document: document, keys: keys)
            return ExecutionOutcome(record: record, isReused: false, folder: folder)
        }
        try runProgram(executable, generator: generator, document: document, keys: keys, parameters: parameters,
                       folder: folder, record: &record)
        if record.failure == nil {
            try AtomicFile.writeJSON(record, to: folder.record)
            removeFigures(notIn: record, folder: folder)
        }
        return ExecutionOutcome(record: record, isReused: false, folder: folder)
    }

    /// Removes the SVGs of rasterised figures that `record`, the stored record, does not show,
    /// so that `figures/` holds one run's figures rather than every run's.
    private func removeFigures(notIn record: ExecutionRecord, folder: BuildFolder) {
        var kept = Set<String>()
        for cell in record.cells {
            for case .figure(let figure) in cell.outputs { if let file = figure.vectorFile { kept.insert(file) } }
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.figures.path)) ?? []
        for name in files where !kept.contains(folder.figures.appendingPathComponent(name).path) {
            try? FileManager.default.removeItem(at: folder.figures.appendingPathComponent(name))
        }
    }

    /// Rebuilds the Margin library when it is older than its sources and the settings allow
    /// it; throws when they do not.
    private func buildLibraryIfStale(log: BuildLog) throws {
        let library = settings.library
        guard library.isStale() else { return }
        guard settings.buildsStaleLibrary else {
            throw NotebookError(.environment, "the Margin library \(library.libraryFile.path) is missing or older than its sources",
                                hint: "run `\(LibraryLocation.buildCommand.joined(separator: " "))` in \(library.packageDirectory.path)")
        }
        settings.onEvent(.buildingLibrary(command: LibraryLocation.buildCommand.joined(separator: " ")))
        try library.build(log: log)
    }

    /// The notebook program's executable: the one already in `folder` when its key (source,
    /// toolchain, library fingerprint and compiler arguments) is unchanged, else freshly
    /// compiled, its time in `record`. A compile error is thrown as a `NotebookError`.
    private func compileProgram(_ generator: ProgramGenerator, document: NotebookDocument, toolchain: Toolchain,
                                fingerprint: String, folder: BuildFolder, record: inout ExecutionRecord) throws -> URL {
        let compiler = ProgramCompiler(document: document, generator: generator, toolchain: toolchain,
                                       library: settings.library, optimizes: settings.optimizes)
        let source = generator.source()
        let programKey = SHA256.hex(of: ([source, toolchain.version, fingerprint] + compiler.arguments).joined(separator: "\0"))
        let keyFile = folder.program.appendingPathComponent("key")
        let executable = folder.program.appendingPathComponent("main")
        let compiledKey = try? String(contentsOf: keyFile, encoding: .utf8)
        if !settings.fresh, compiledKey == programKey, FileManager.default.isExecutableFile(atPath: executable.path) {
            settings.onEvent(.compiled(seconds: 0, reused: true, warnings: []))
            return executable
        }
        settings.onEvent(.compiling)
        folder.log.append("compile", "\(toolchain.compiler) \(compiler.arguments.joined(separator: " "))")
        let start = Date()
        try? FileManager.default.removeItem(at: keyFile)
        let warnings = try compiler.compile(source, in: folder.program)
        try AtomicFile.write(Data(programKey.utf8), to: keyFile)
        record.compileSeconds = Date().timeIntervalSince(start)
        settings.onEvent(.compiled(seconds: record.compileSeconds, reused: false, warnings: warnings))
        return executable
    }

    /// The cells' results after a compile error: the cell holding the error's line failed with
    /// its text, the other evaluated cells were not reached.
    private func compileFailureResults(_ error: NotebookError, document: NotebookDocument, keys: CacheKeys) -> [CellResult] {
        document.cells.map { cell in
            let failed = error.location.map { cell.firstCodeLine <= $0.line && $0.line <= cell.lastCodeLine } ?? false
            return CellResult(index: cell.index, key: keys.cells[cell.index],
                              status: cell.options.eval ? (failed ? .failed : .notReached) : .notEvaluated,
                              outputs: failed ? [.errorText(error.detail ?? error.message)] : [])
        }
    }

    /// Runs the compiled program and records its cells, time, failure, seeds and artifacts.
    private func runProgram(_ executable: URL, generator: ProgramGenerator, document: NotebookDocument, keys: CacheKeys,
                            parameters: [ParameterBinding], folder: BuildFolder, record: inout ExecutionRecord) throws {
        folder.log.append("run", executable.path)
        let runner = ProgramRunner(document: document, generator: generator, folder: folder, keys: keys,
                                   environment: childEnvironment(document: document, parameters: parameters, folder: folder),
                                   timeoutOverride: settings.cellTimeout, onEvent: settings.onEvent)
        let outcome = try runner.run(executable)
        record.cells = outcome.results
        record.runSeconds = outcome.seconds
        record.failure = outcome.failure
        for case .seed(let name, let value) in outcome.records where !record.seeds.contains(where: { $0.name == name }) {
            record.seeds.append(SeedRecord(name: name, value: value))
        }
        for case .artifact(let name, let key, let hit) in outcome.records {
            record.artifacts.append(ArtifactRecord(name: name, key: key, hit: hit))
        }
        for case .dataFileRead(let path, let sha256) in outcome.records {
            if let index = record.dataFiles.firstIndex(where: { $0.path == path }) {
                record.dataFiles[index].sha256 = sha256
            } else {
                record.dataFiles.append(InputChecksum(path: path, sha256: sha256))
            }
        }
    }

    /// The first data file the stored run read whose contents differ now (or that is gone),
    /// so that results computed from the old data are never reused.
    private func firstChangedDataFile(of stored: ExecutionRecord) -> String? {
        stored.dataFiles.first { file in
            (try? SHA256.hex(ofFileAt: URL(fileURLWithPath: file.path))) != file.sha256
        }?.path
    }

    private func executionReason(stored: ExecutionRecord?, keys: CacheKeys, firstChanged: Int?,
                                 document: NotebookDocument) -> String {
        if settings.fresh { return "--fresh ignores the cache" }
        guard let stored else { return "no stored results" }
        if stored.notebookKey != keys.notebook { return "parameters, inputs, library or toolchain changed" }
        guard let index = firstChanged, index < document.cells.count else { return "the cells changed" }
        let cell = document.cells[index]
        return cell.options.cache ? "\(cell.displayName) changed" : "\(cell.displayName) has cache: false"
    }

    private func childEnvironment(document: NotebookDocument, parameters: [ParameterBinding],
                                  folder: BuildFolder) -> [String: String] {
        let values = Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.value.description) })
        let json = (try? JSONEncoder().encode(values)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        var environment = [
            ChannelEnvironment.artifactCache: folder.artifacts.path,
            ChannelEnvironment.figures: folder.figures.path,
            ChannelEnvironment.parameters: json,
            ChannelEnvironment.seed: String(document.frontMatter.seed),
            ChannelEnvironment.notebookDirectory: document.directory.path,
        ]
        if settings.fresh { environment[ChannelEnvironment.fresh] = "1" }
        let data = settings.library.packageDirectory.appendingPathComponent("data")
        if ProcessInfo.processInfo.environment["MARGIN_DATA"] == nil, FileManager.default.fileExists(atPath: data.path) {
            environment["MARGIN_DATA"] = data.path
        }
        return environment
    }

    private func checksums(of document: NotebookDocument) throws -> [InputChecksum] {
        try document.frontMatter.inputs.map { path in
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : document.directory.appendingPathComponent(path)
            do {
                return InputChecksum(path: path, sha256: try SHA256.hex(ofFileAt: url))
            } catch {
                throw NotebookError(.invalidNotebook, at: SourceLocation(file: document.path, line: 1),
                                    "declared input `\(path)` cannot be read (\(url.path))",
                                    hint: "fix the path under `inputs:` (relative to the notebook's folder)")
            }
        }
    }
}

import Foundation
import NotebookWire

/// Everything one execution of a notebook produced, stored as JSON in the build folder so
/// that an unchanged notebook re-weaves without running, and read by the report writers.
public struct ExecutionRecord: Sendable, Hashable, Codable {
    /// The key of everything outside the cells (toolchain, library, parameters, inputs).
    public var notebookKey: String
    /// Per-cell results in cell order.
    public var cells: [CellResult]
    /// The parameter values used.
    public var parameters: [ParameterBinding]
    /// The notebook's base seed.
    public var baseSeed: UInt64
    /// Named seeds the cells asked for.
    public var seeds: [SeedRecord]
    /// Artifact-cache lookups the cells made.
    public var artifacts: [ArtifactRecord]
    /// Declared input files and their checksums.
    public var inputs: [InputChecksum]
    /// The data files the program read through Margin's loaders (absolute paths, in the order
    /// first read) and their checksums: the stored results stand only while these are unchanged.
    public var dataFiles: [InputChecksum]
    /// The first line of `swiftc --version`.
    public var toolchain: String
    /// Hash of the library's sources.
    public var libraryFingerprint: String
    /// When the execution started.
    public var date: Date
    /// Seconds spent compiling the program (0 when the compiled program was reused).
    public var compileSeconds: Double
    /// Seconds the program ran.
    public var runSeconds: Double
    /// Why the execution failed, when it did.
    public var failure: NotebookError?

    /// A record with the given fields.
    public init(notebookKey: String, cells: [CellResult], parameters: [ParameterBinding], baseSeed: UInt64,
                seeds: [SeedRecord] = [], artifacts: [ArtifactRecord] = [], inputs: [InputChecksum], dataFiles: [InputChecksum] = [],
                toolchain: String, libraryFingerprint: String, date: Date, compileSeconds: Double = 0,
                runSeconds: Double = 0, failure: NotebookError? = nil) {
        self.notebookKey = notebookKey
        self.cells = cells
        self.parameters = parameters
        self.baseSeed = baseSeed
        self.seeds = seeds
        self.artifacts = artifacts
        self.inputs = inputs
        self.dataFiles = dataFiles
        self.toolchain = toolchain
        self.libraryFingerprint = libraryFingerprint
        self.date = date
        self.compileSeconds = compileSeconds
        self.runSeconds = runSeconds
        self.failure = failure
    }

    /// The result of cell `index`, if the record has it.
    public func result(ofCell index: Int) -> CellResult? {
        cells.first { $0.index == index }
    }
}

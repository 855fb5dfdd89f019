import Checksums
import Foundation

/// The cache keys of a notebook's cells.
///
/// `notebookKey = SHA256(format version, toolchain version, library fingerprint, base seed,
/// parameter values, declared input checksums)` and, for cell i,
/// `key_i = SHA256(key_{i-1}, eval, code (without `//|` lines) if evaluated, fig-width, fig-height)` with
/// `key_{-1} = notebookKey`. Because cells share state, a cell's key chains every earlier
/// cell: changing any evaluated code changes its key and every later one. Options that only
/// affect weaving (echo, caption, label, output, code-fold) and all prose are outside the
/// keys, so editing them re-weaves without running. A cell with `cache: false` gets a
/// fresh random key each time, so it (and every later cell) always runs.
public struct CacheKeys: Sendable, Hashable {
    /// The key of everything outside the cells.
    public var notebook: String
    /// One key per cell, in order.
    public var cells: [String]

    /// Version of the key format; bump when the program generator or runtime protocol changes.
    static let formatVersion = "margin-notebook-4"

    /// Computes the keys of `document`'s cells.
    public init(document: NotebookDocument, toolchain: String, libraryFingerprint: String,
                parameters: [ParameterBinding], inputs: [InputChecksum]) {
        var hasher = SHA256()
        hasher.update([CacheKeys.formatVersion, toolchain, libraryFingerprint, String(document.frontMatter.seed)]
            .joined(separator: "\0"))
        for binding in parameters { hasher.update("\0param \(binding.name)=\(binding.value.type.rawValue):\(binding.value)") }
        for input in inputs { hasher.update("\0input \(input.path)=\(input.sha256)") }
        notebook = hasher.finalize()
        var previous = notebook
        cells = document.cells.map { cell in
            var cellHasher = SHA256()
            let options = cell.options
            cellHasher.update([previous, String(options.eval), options.eval ? cell.displayCode : "",
                               String(options.figureWidth), String(options.figureHeight)].joined(separator: "\0"))
            if !options.cache { cellHasher.update("\0uncached \(UUID().uuidString)") }
            previous = cellHasher.finalize()
            return previous
        }
    }

    /// The index of the first cell whose key differs from `record`'s, or nil when every
    /// cell matches (so the record can be reused as is).
    public func firstChangedCell(comparedWith record: ExecutionRecord) -> Int? {
        guard record.notebookKey == notebook, record.cells.count == cells.count else { return 0 }
        return cells.indices.first { cells[$0] != record.cells[$0].key }
    }
}

import Foundation
import NotebookWire

/// Compiles a generated notebook program with `swiftc` against the Margin library, and maps
/// compiler errors back to the notebook's cells.
struct ProgramCompiler {
    let document: NotebookDocument
    let generator: ProgramGenerator
    let toolchain: Toolchain
    let library: LibraryLocation
    let optimizes: Bool

    /// The compiler arguments, without the output path.
    var arguments: [String] {
        ["-swift-version", "5", optimizes ? "-O" : "-Onone", "-g", "main.swift"] + library.compilerFlags()
    }

    /// Compiles `source` into `folder/main`. Returns the warnings (with the notebook's path);
    /// throws `NotebookError.compileError` at the first error's notebook line.
    func compile(_ source: String, in folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try AtomicFile.write(Data(source.utf8), to: folder.appendingPathComponent("main.swift"))
        let result = try Subprocess.run(toolchain.compiler, arguments + ["-o", "main"], in: folder)
        let output = result.output.replacingOccurrences(of: generator.sourcePath, with: document.path)
        let diagnostics = output.split(separator: "\n").map(String.init)
        let warnings = diagnostics.filter { $0.contains(": warning: ") }
        guard result.succeeded else {
            let firstError = diagnostics.first { $0.contains(": error: ") } ?? diagnostics.first ?? "swiftc failed"
            let (location, message) = locate(firstError)
            let cell = location.flatMap { location in
                document.cells.first { $0.firstCodeLine <= location.line && location.line <= $0.lastCodeLine }
            }
            throw NotebookError(.compileError, at: location,
                                (cell.map { "\($0.displayName) does not compile: " } ?? "the notebook program does not compile: ") + message,
                                detail: diagnostics.filter { !$0.hasPrefix("<unknown>") && !$0.hasPrefix("error: emit-module") }
                                    .joined(separator: "\n"))
        }
        return warnings
    }

    /// Splits `path:line:column: error: message` into a notebook location and the message.
    private func locate(_ diagnostic: String) -> (SourceLocation?, String) {
        let prefix = document.path + ":"
        guard diagnostic.hasPrefix(prefix) else { return (nil, diagnostic) }
        let parts = diagnostic.dropFirst(prefix.count).split(separator: ":", maxSplits: 3)
        guard parts.count == 4, let line = Int(parts[0]), let column = Int(parts[1]) else { return (nil, diagnostic) }
        let message = parts[3].trimmingCharacters(in: .whitespaces)
        return (SourceLocation(file: document.path, line: line, column: column), message)
    }
}

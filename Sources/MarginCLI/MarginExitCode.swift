import ArgumentParser
import Notebook
import NotebookWire

/// The exit codes scripts can rely on (see `MarginCommand`).
enum MarginExitCode {
    /// Everything rendered.
    static let success = ExitCode(0)
    /// A notebook failed to compile or run, or timed out.
    static let notebookFailed = ExitCode(1)
    /// A notebook or parameter value is invalid.
    static let invalidInput = ExitCode(2)
    /// The library, toolchain or a file could not be used.
    static let environment = ExitCode(3)

    /// The exit code for an error of `kind`.
    static func code(for kind: NotebookError.Kind) -> ExitCode {
        switch kind {
        case .compileError, .runtimeError, .timeout: notebookFailed
        case .invalidNotebook, .invalidParameter: invalidInput
        case .environment: environment
        }
    }
}

import ArgumentParser
import Foundation
import Notebook
import NotebookWire

/// `margin run`: execute notebooks (with caching) and print their cells' text output,
/// without writing reports.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Execute notebooks without writing reports; print each cell's text output.")

    @OptionGroup var options: NotebookOptions

    func run() throws {
        var exitCode = MarginExitCode.success
        for path in try options.notebookPaths() {
            let progress = ProgressPrinter(isQuiet: options.quiet, notebook: path)
            do {
                let document = try NotebookDocument(contentsOfFile: path)
                let executor = NotebookExecutor(settings: try options.executionSettings(for: path, progress: progress))
                let outcome = try executor.execute(document)
                printOutputs(of: outcome.record, quiet: options.quiet)
                if let failure = outcome.record.failure {
                    progress.error(failure.description)
                    exitCode = MarginExitCode.code(for: failure.kind)
                }
            } catch let error as NotebookError {
                progress.error(error.description)
                exitCode = MarginExitCode.code(for: error.kind)
            }
        }
        if exitCode != MarginExitCode.success { throw exitCode }
    }

    private func printOutputs(of record: ExecutionRecord, quiet: Bool) {
        guard !quiet else { return }
        for cell in record.cells {
            for case .text(let text) in cell.outputs {
                print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            }
        }
    }
}

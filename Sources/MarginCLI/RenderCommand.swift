import ArgumentParser
import Foundation
import Notebook
import NotebookWire
import Report

/// `margin render`: execute notebooks (with caching) and write their reports to
/// `<out>/<notebook name>/index.html` and `report.pdf`.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Execute notebooks and write their HTML and PDF reports.",
        discussion: """
        Reports go to <out>/<notebook name>/index.html and report.pdf. A failed render exits \
        non-zero and writes index.failed.html beside the last good report, which it never \
        overwrites. Exit codes: 0 success, 1 a notebook failed to compile or run, 2 invalid \
        notebook or -P value, 3 environment (library, toolchain, files).
        """)

    @OptionGroup var options: NotebookOptions

    @Option(help: "The reports folder; each notebook gets <out>/<notebook name>/.")
    var out = "reports"

    @Option(parsing: .upToNextOption, help: "Formats to write.")
    var format: [ReportFormat] = ReportFormat.allCases

    func run() throws {
        var exitCode = MarginExitCode.success
        for path in try options.notebookPaths() {
            let progress = ProgressPrinter(isQuiet: options.quiet, notebook: path)
            let start = Date()
            do {
                let document = try NotebookDocument(contentsOfFile: path)
                let executor = NotebookExecutor(settings: try options.executionSettings(for: path, progress: progress))
                let directory = URL(fileURLWithPath: out).appendingPathComponent(document.name)
                let result = try ReportRenderer(executor: executor, formats: format).render(document, into: directory)
                for warning in result.warnings { progress.error("warning: \(warning)") }
                if let failure = result.outcome.record.failure {
                    progress.error(failure.description)
                    progress.error("failure report: \(result.files.map(\.path).joined(separator: ", "))")
                    exitCode = MarginExitCode.code(for: failure.kind)
                } else {
                    progress.note(String(format: "%@: wrote %@ (%.1f s)\n", path,
                                         result.files.map(\.path).joined(separator: ", "), Date().timeIntervalSince(start)))
                }
            } catch let error as NotebookError {
                progress.error(error.description)
                let directory = URL(fileURLWithPath: out).appendingPathComponent(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
                if let page = try? FailurePage.write(error, notebookPath: path, into: directory) {
                    progress.error("failure report: \(page.path)")
                }
                exitCode = MarginExitCode.code(for: error.kind)
            } catch {
                progress.error("\(path): error: \(error)")
                exitCode = MarginExitCode.environment
            }
        }
        if exitCode != MarginExitCode.success { throw exitCode }
    }
}

import ArgumentParser
import Foundation
import Notebook

/// `margin clean`: delete build folders and caches (stored results, compiled programs,
/// artifacts), and with --reports the generated reports too.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean", abstract: "Delete notebooks' build folders and caches (and reports with --reports).")

    @OptionGroup var options: NotebookOptions

    @Flag(help: "Also delete the notebooks' report folders.")
    var reports = false

    @Option(help: "The reports folder.")
    var out = "reports"

    func run() throws {
        let fileManager = FileManager.default
        for path in try options.notebookPaths() {
            let settings = try options.executionSettings(for: path, progress: ProgressPrinter(isQuiet: true, notebook: path))
            var removed = [BuildFolder(root: settings.buildRoot, notebookPath: path).url]
            if reports {
                let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                removed.append(URL(fileURLWithPath: out).appendingPathComponent(name))
            }
            for url in removed where fileManager.fileExists(atPath: url.path) {
                try fileManager.removeItem(at: url)
                if !options.quiet { print("removed \(url.path)") }
            }
        }
    }
}

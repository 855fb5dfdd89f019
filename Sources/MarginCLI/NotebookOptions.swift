import ArgumentParser
import Foundation
import Notebook

/// Options shared by `render` and `run`: which notebooks, parameters, caches and where the
/// library is.
struct NotebookOptions: ParsableArguments {
    @Argument(help: "Notebook files (.md).")
    var paths: [String] = []

    @Flag(help: "Every notebook in the notebooks folder.")
    var all = false

    @Option(help: "The notebooks folder used by --all and list.")
    var notebooksDir = "notebooks"

    @Option(name: .customShort("P"), help: ArgumentHelp("Set a parameter declared in the front matter.", valueName: "name=value"))
    var parameters: [ParameterAssignment] = []

    @Flag(help: "Ignore every cache: stored results, the compiled program and the artifact cache.")
    var fresh = false

    @Flag(help: "Print only errors.")
    var quiet = false

    @Option(help: "Folder of libMargin.so and Modules/ (default: $MARGIN_LIBRARY_DIR, else <package>/.build/release).")
    var libraryDir: String?

    @Option(help: "The Margin package (default: $MARGIN_PACKAGE_DIR, else found above the notebook).")
    var packageDir: String?

    @Option(help: "Folder for build folders and caches (default: <package>/.build/notebooks).")
    var buildDir: String?

    @Flag(help: "Fail instead of building a missing or stale library.")
    var noLibraryBuild = false

    @Option(help: ArgumentHelp("Seconds any cell may run, in place of the notebook's own timeouts; `none` for no limit (paper-profile renders take hours).",
                               valueName: "seconds|none"))
    var timeout: CellTimeout?

    /// The notebook paths to process: the arguments, or every `.md` file of the notebooks
    /// folder with --all.
    func notebookPaths() throws -> [String] {
        if all {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: notebooksDir)) ?? []
            let notebooks = names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
            guard !notebooks.isEmpty else { throw ValidationError("no notebooks (.md files) in \(notebooksDir)") }
            return notebooks.map { (notebooksDir as NSString).appendingPathComponent($0) }
        }
        guard !paths.isEmpty else { throw ValidationError("name one or more notebooks, or pass --all") }
        return paths
    }

    /// Execution settings for the notebook at `path`.
    func executionSettings(for path: String, progress: ProgressPrinter) throws -> ExecutionSettings {
        let notebookDirectory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        let library = try LibraryLocation.discover(packageDirectory: packageDir, libraryDirectory: libraryDir,
                                                   notebookDirectory: notebookDirectory)
        return ExecutionSettings(library: library, buildRoot: buildDir.map { URL(fileURLWithPath: $0) },
                                 fresh: fresh, parameterAssignments: parameters,
                                 buildsStaleLibrary: !noLibraryBuild, cellTimeout: timeout?.limit, onEvent: progress.handle)
    }
}

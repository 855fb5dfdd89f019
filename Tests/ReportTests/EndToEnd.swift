import Foundation
import Notebook
import Report

/// Shared setup of the end-to-end tests: each test copies fixture notebooks into its own
/// temporary folder and renders them against the `libMargin.so` that `swift build
/// --build-tests` (or `swift test`) put beside this test binary, so no extra library build is
/// needed. Programs compile with `-Onone` unless a test asks for `-O`.
enum EndToEnd {
    /// The package root.
    static let packageDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The build folder holding this test binary, libMargin.so and Modules/.
    static let libraryDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()

    /// A fresh temporary folder holding copies of the named fixtures.
    static func workspace(_ fixtures: String...) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("margin-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for fixture in fixtures {
            try FileManager.default.copyItem(at: packageDirectory.appendingPathComponent("Tests/ReportTests/Fixtures/\(fixture)"),
                                             to: folder.appendingPathComponent(fixture))
        }
        return folder
    }

    /// A renderer whose build folders live in `workspace/build`.
    static func renderer(in workspace: URL, parameters: [ParameterAssignment] = [], optimizes: Bool = false, cellTimeout: Double? = nil,
                         formats: [ReportFormat] = ReportFormat.allCases, fresh: Bool = false,
                         onEvent: @escaping @Sendable (ExecutionEvent) -> Void = { _ in }) -> ReportRenderer {
        let library = LibraryLocation(packageDirectory: packageDirectory, libraryDirectory: libraryDirectory)
        let settings = ExecutionSettings(library: library, buildRoot: workspace.appendingPathComponent("build"), fresh: fresh,
                                         parameterAssignments: parameters, buildsStaleLibrary: false, optimizes: optimizes,
                                         cellTimeout: cellTimeout, onEvent: onEvent)
        return ReportRenderer(executor: NotebookExecutor(settings: settings), formats: formats)
    }

    /// Parses and renders `fixture` from `workspace` into `workspace/reports/<name>`.
    static func render(_ fixture: String, in workspace: URL, parameters: [ParameterAssignment] = [], optimizes: Bool = false,
                       cellTimeout: Double? = nil, formats: [ReportFormat] = ReportFormat.allCases, fresh: Bool = false,
                       onEvent: @escaping @Sendable (ExecutionEvent) -> Void = { _ in }) throws -> RenderResult {
        let document = try NotebookDocument(contentsOfFile: workspace.appendingPathComponent(fixture).path)
        return try renderer(in: workspace, parameters: parameters, optimizes: optimizes, cellTimeout: cellTimeout, formats: formats,
                            fresh: fresh, onEvent: onEvent)
            .render(document, into: workspace.appendingPathComponent("reports/\(document.name)"))
    }

    /// The text of `url`.
    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}

import Foundation

/// How `NotebookExecutor` builds and runs notebooks.
public struct ExecutionSettings: Sendable {
    /// Where the library and package are.
    public var library: LibraryLocation
    /// The folder holding one build folder per notebook (default `<package>/.build/notebooks`).
    public var buildRoot: URL
    /// Ignore every cache: stored results, the compiled program and the artifact cache.
    public var fresh: Bool
    /// Parameter assignments from the command line (`-P name=value`).
    public var parameterAssignments: [ParameterAssignment]
    /// Build the library with `swift build -c release --product Margin` when it is missing
    /// or older than its sources (default true); otherwise fail with that command.
    public var buildsStaleLibrary: Bool
    /// Compile the program with `-O` (default true) rather than `-Onone`.
    public var optimizes: Bool
    /// Seconds any cell may run, in place of the cells' and the front matter's `timeout`
    /// (`margin render --timeout`); `.infinity` for no limit; nil keeps the notebook's own.
    public var cellTimeout: Double?
    /// Receives progress events.
    public var onEvent: @Sendable (ExecutionEvent) -> Void

    /// Settings with the defaults above.
    public init(library: LibraryLocation, buildRoot: URL? = nil, fresh: Bool = false,
                parameterAssignments: [ParameterAssignment] = [], buildsStaleLibrary: Bool = true, optimizes: Bool = true,
                cellTimeout: Double? = nil, onEvent: @escaping @Sendable (ExecutionEvent) -> Void = { _ in }) {
        self.library = library
        self.buildRoot = buildRoot ?? library.packageDirectory.appendingPathComponent(".build/notebooks")
        self.fresh = fresh
        self.parameterAssignments = parameterAssignments
        self.buildsStaleLibrary = buildsStaleLibrary
        self.optimizes = optimizes
        self.cellTimeout = cellTimeout
        self.onEvent = onEvent
    }
}

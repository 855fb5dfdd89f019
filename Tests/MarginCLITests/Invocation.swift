import ArgumentParser
@testable import MarginCLI
import Notebook
import Report

/// What a parsed `margin` command line asks for, in a form the tests compare.
struct Invocation: Equatable {
    /// The subcommand's name.
    var command: String
    /// The notebook paths given as arguments.
    var paths: [String] = []
    /// Whether `--all` was given.
    var all = false
    /// The `-P` assignments, in order.
    var parameters: [ParameterAssignment] = []
    /// The `--timeout` limit in seconds (infinity for `none`), nil when not given.
    var timeout: Double?
    /// `render --format`.
    var formats: [ReportFormat] = []
    /// `--out` of render and gallery.
    var out: String?
    /// `gallery --dpi`.
    var dpi: Double?
    /// `--notebooks-dir` of list and the notebook commands.
    var notebooksDirectory = "notebooks"

    /// Reads the fields of `command`, the result of `MarginCommand.parseAsRoot`.
    init(parsed command: any ParsableCommand) {
        switch command {
        case let render as RenderCommand:
            self.init(command: "render", options: render.options)
            formats = render.format
            out = render.out
        case let run as RunCommand:
            self.init(command: "run", options: run.options)
        case let list as ListCommand:
            self.init(command: "list", notebooksDirectory: list.notebooksDir)
        case let gallery as GalleryCommand:
            self.init(command: "gallery", out: gallery.out, dpi: gallery.dpi)
        default:
            self.init(command: String(describing: type(of: command)))
        }
    }

    /// An invocation of `command` with the given fields; the rest keep their defaults.
    init(command: String, paths: [String] = [], all: Bool = false, parameters: [ParameterAssignment] = [],
         timeout: Double? = nil, formats: [ReportFormat] = [], out: String? = nil, dpi: Double? = nil,
         notebooksDirectory: String = "notebooks") {
        self.command = command
        self.paths = paths
        self.all = all
        self.parameters = parameters
        self.timeout = timeout
        self.formats = formats
        self.out = out
        self.dpi = dpi
        self.notebooksDirectory = notebooksDirectory
    }

    private init(command: String, options: NotebookOptions) {
        self.init(command: command, paths: options.paths, all: options.all, parameters: options.parameters,
                  timeout: options.timeout?.limit, notebooksDirectory: options.notebooksDir)
    }
}

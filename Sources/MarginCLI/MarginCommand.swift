import ArgumentParser

/// The `margin` command line: run Markdown notebooks with Swift cells and weave them into
/// HTML and PDF reports.
///
/// Exit codes: 0 success; 1 a notebook failed to compile or run, or timed out; 2 a notebook
/// or `-P` value is invalid; 3 the environment is unusable (library, toolchain, files);
/// 64 the command line itself is wrong (an unknown option, a `-P` without `=`, a `--timeout`
/// that is neither a positive number nor `none`).
public struct MarginCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "margin",
        abstract: "Render Markdown notebooks with Swift cells into HTML and PDF reports.",
        subcommands: [RenderCommand.self, RunCommand.self, ListCommand.self, CleanCommand.self, GalleryCommand.self])

    /// The command with no subcommand chosen (ArgumentParser fills in the rest).
    public init() {}
}

import ArgumentParser

/// The `margin` command line: render notebooks into reports.
@main
struct MarginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "margin",
        abstract: "Render Markdown notebooks with Swift cells into HTML and PDF reports.",
        subcommands: [])
}

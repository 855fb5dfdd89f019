import ArgumentParser
@testable import MarginCLI
import Notebook
import Report
import Testing

@Suite("margin command lines")
struct CommandLineTests {
    @Test(arguments: [
        (["render", "nb.md"],
         Invocation(command: "render", paths: ["nb.md"], formats: [.html, .pdf], out: "reports")),
        (["render", "--all", "--timeout", "none"],
         Invocation(command: "render", all: true, timeout: .infinity, formats: [.html, .pdf], out: "reports")),
        (["render", "a.md", "b.md", "--timeout", "30", "-P", "epochs=3", "-P", "profile=paper"],
         Invocation(command: "render", paths: ["a.md", "b.md"],
                    parameters: [ParameterAssignment(name: "epochs", text: "3"), ParameterAssignment(name: "profile", text: "paper")],
                    timeout: 30, formats: [.html, .pdf], out: "reports")),
        (["render", "nb.md", "--timeout=0.5", "--format", "html", "--out", "site"],
         Invocation(command: "render", paths: ["nb.md"], timeout: 0.5, formats: [.html], out: "site")),
        (["render", "nb.md", "-P", "title=a=b", "-P", "note="],
         Invocation(command: "render", paths: ["nb.md"],
                    parameters: [ParameterAssignment(name: "title", text: "a=b"), ParameterAssignment(name: "note", text: "")],
                    formats: [.html, .pdf], out: "reports")),
        (["run", "nb.md", "-P", "n=4", "--timeout", "none", "--notebooks-dir", "nbs"],
         Invocation(command: "run", paths: ["nb.md"], parameters: [ParameterAssignment(name: "n", text: "4")],
                    timeout: .infinity, notebooksDirectory: "nbs")),
        (["list"], Invocation(command: "list")),
        (["list", "--notebooks-dir", "nbs"], Invocation(command: "list", notebooksDirectory: "nbs")),
        (["gallery"], Invocation(command: "gallery", out: "reports/gallery", dpi: 150)),
        (["gallery", "--out", "g", "--dpi", "300"], Invocation(command: "gallery", out: "g", dpi: 300)),
    ])
    func validCommandLinesAreRead(arguments: [String], expected: Invocation) throws {
        #expect(Invocation(parsed: try MarginCommand.parseAsRoot(arguments)) == expected)
    }

    @Test(arguments: [
        (["render", "nb.md", "--timeout", "-1"], "--timeout"),
        (["render", "nb.md", "--timeout=-1"], "'-1' is invalid for '--timeout"),
        (["render", "nb.md", "--timeout", "0"], "'0' is invalid for '--timeout"),
        (["render", "nb.md", "--timeout", "inf"], "'inf' is invalid for '--timeout"),
        (["render", "nb.md", "--timeout", "soon"], "'soon' is invalid for '--timeout"),
        (["run", "nb.md", "--timeout"], "Missing value for '--timeout"),
        (["render", "nb.md", "-P", "epochs"], "'epochs' is invalid for '-P"),
        (["run", "nb.md", "-P", "=3"], "'=3' is invalid for '-P"),
        (["render", "nb.md", "--format", "docx"], "'docx' is invalid for '--format"),
        (["run", "nb.md", "--format", "html"], "Unknown option '--format'"),
        (["list", "--timeout", "30"], "Unknown option '--timeout'"),
        (["gallery", "--dpi", "high"], "'high' is invalid for '--dpi"),
        (["paint", "nb.md"], "unexpected arguments: 'paint'"),
    ])
    func invalidCommandLinesAreUsageErrors(arguments: [String], message: String) {
        let error = #expect(throws: (any Error).self) { try MarginCommand.parseAsRoot(arguments) }
        guard let error else { return }
        #expect(MarginCommand.message(for: error).contains(message), "\(MarginCommand.message(for: error))")
        #expect(MarginCommand.exitCode(for: error) == .validationFailure)
    }
}

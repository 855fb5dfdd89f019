import Foundation
import Notebook
import NotebookWire
import Report
import Testing

/// Compile errors, traps and timeouts name the notebook's lines, and failed renders write a
/// failure report beside the last good one.
@Suite("Failures end to end")
struct FailureTests {
    @Test func compileErrorsNameTheNotebookLineAndKeepTheGoodReport() throws {
        let workspace = try EndToEnd.workspace("compile-error.md")
        let notebook = workspace.appendingPathComponent("compile-error.md")
        let broken = try EndToEnd.text(notebook)
        try broken.replacingOccurrences(of: "let b: String = a", with: "let b = a")
            .write(to: notebook, atomically: true, encoding: .utf8)
        let good = try EndToEnd.render("compile-error.md", in: workspace, formats: [.html])
        let goodHTML = try EndToEnd.text(good.files[0])

        try broken.write(to: notebook, atomically: true, encoding: .utf8)
        let failed = try EndToEnd.render("compile-error.md", in: workspace, formats: [.html])
        let failure = try #require(failed.outcome.record.failure)
        #expect(failure.kind == .compileError)
        #expect(failure.location?.line == 8)
        #expect(failure.location?.file == notebook.path)
        #expect(failure.message.hasPrefix("cell 2 does not compile: cannot convert value of type 'Int' to specified type 'String'"))
        #expect(failed.files.map(\.lastPathComponent) == ["index.failed.html"])
        let banner = try EndToEnd.text(failed.files[0])
        #expect(banner.contains("<div class=\"failure-banner\" role=\"alert\">"))
        #expect(banner.contains("<a href=\"#cell-2\">cell 2</a>"))
        #expect(try EndToEnd.text(good.files[0]) == goodHTML)
    }

    @Test func trapsNameTheNotebookLineAndKeepEarlierOutput() throws {
        let workspace = try EndToEnd.workspace("trap.md")
        let result = try EndToEnd.render("trap.md", in: workspace, optimizes: true, formats: [.html])
        let failure = try #require(result.outcome.record.failure)
        #expect(failure.kind == .runtimeError)
        #expect(failure.location?.line == 11)
        #expect(failure.message == "cell 2 trapped in Array.subscript.getter (a failed runtime check: index out of range, "
                + "nil unwrapped, overflow, precondition)", "an optimised program prints no message; its first frame names the check")
        #expect(result.outcome.record.cells.map(\.status) == [.ran, .failed, .notReached])
        let html = try EndToEnd.text(result.files[0])
        #expect(html.contains("before the trap") && html.contains("about to index"))
        #expect(html.contains("<section class=\"cell failed\" id=\"cell-2\">"))
    }

    @Test func timeoutsStopTheCell() throws {
        let workspace = try EndToEnd.workspace("timeout.md")
        let result = try EndToEnd.render("timeout.md", in: workspace, formats: [.html])
        let failure = try #require(result.outcome.record.failure)
        #expect(failure.kind == .timeout)
        #expect(failure.location?.line == 7)
        #expect(failure.message == "cell 2 ran longer than its 1 s timeout and was stopped")
        #expect(result.outcome.record.cells.map(\.status) == [.ran, .failed])
        #expect(failure.hint?.contains("--timeout") == true)
    }

    @Test func theTimeoutOptionReplacesTheNotebooksOwn() throws {
        let workspace = try EndToEnd.workspace("timeout.md")
        let result = try EndToEnd.render("timeout.md", in: workspace, cellTimeout: 2, formats: [.html])
        let failure = try #require(result.outcome.record.failure)
        #expect(failure.kind == .timeout)
        #expect(failure.message == "cell 2 ran longer than its 2 s timeout and was stopped")
        #expect(failure.hint == "raise --timeout (none: no limit)")
    }

    @Test func aSecondRenderOfTheSameNotebookStopsWithTheHoldersPID() throws {
        let workspace = try EndToEnd.workspace("timeout.md")
        let document = try NotebookDocument(contentsOfFile: workspace.appendingPathComponent("timeout.md").path)
        let renderer = EndToEnd.renderer(in: workspace, formats: [.html])
        var hold: BuildFolderLock? = try BuildFolderLock(renderer.executor.folder(for: document), notebookPath: document.path)
        #expect(hold != nil)
        #expect {
            _ = try EndToEnd.render("timeout.md", in: workspace, formats: [.html])
        } throws: { error in
            guard let error = error as? NotebookError else { return false }
            return error.kind == .environment && error.message.contains("already being executed by another margin (PID \(getpid()))")
        }
        hold = nil
        let released = try EndToEnd.render("timeout.md", in: workspace, formats: [.html])
        #expect(released.outcome.record.failure?.kind == .timeout, "the render runs once the hold is released")
    }

    @Test("a stopped program names the line that stopped it and why", arguments: [
        ("fatal.md", 9, "cell 2 trapped: value 3 is too large"),
        ("throwing.md", 9, "cell 2 threw an error that nothing caught: the data file is empty"),
        ("unwrap.md", 5, "cell 1 trapped: Unexpectedly found nil while unwrapping an Optional value"),
    ])
    func stopsNameTheirLineAndReason(fixture: String, line: Int, message: String) throws {
        let workspace = try EndToEnd.workspace(fixture)
        let result = try EndToEnd.render(fixture, in: workspace, formats: [.html])
        let failure = try #require(result.outcome.record.failure)
        #expect(failure.kind == .runtimeError)
        #expect(failure.location?.line == line)
        #expect(failure.message == message)
    }
}

import Foundation
import Notebook
import Report
import Testing

/// Caching, asserted on the build log rather than on time.
@Suite("Caching end to end")
struct CachingTests {
    @Test func proseEditsReweaveWithoutRebuildingAndCodeEditsRerun() throws {
        let workspace = try EndToEnd.workspace("cached.md")
        let notebook = workspace.appendingPathComponent("cached.md")
        let first = try EndToEnd.render("cached.md", in: workspace, formats: [.html])
        let log = first.outcome.folder.log
        #expect(log.actions() == ["render", "compile", "run"])
        #expect(try EndToEnd.text(first.files[0]).contains("sum of squares: 14"))

        _ = try EndToEnd.render("cached.md", in: workspace, formats: [.html])
        #expect(log.actions().suffix(2) == ["render", "reuse"])

        let source = try EndToEnd.text(notebook)
        try source.replacingOccurrences(of: "Prose that the test edits.", with: "Edited prose with $x^2$.")
            .write(to: notebook, atomically: true, encoding: .utf8)
        let proseEdit = try EndToEnd.render("cached.md", in: workspace, formats: [.html])
        #expect(proseEdit.outcome.isReused)
        #expect(log.actions().suffix(2) == ["render", "reuse"])
        #expect(try EndToEnd.text(proseEdit.files[0]).contains("Edited prose with"))

        _ = try EndToEnd.render("cached.md", in: workspace, parameters: [ParameterAssignment(name: "n", text: "4")], formats: [.html])
        #expect(log.actions().suffix(2) == ["render", "run"], "a new parameter value reruns without recompiling")

        try EndToEnd.text(notebook).replacingOccurrences(of: "$0 * $0", with: "$0 * $0 * $0")
            .write(to: notebook, atomically: true, encoding: .utf8)
        let codeEdit = try EndToEnd.render("cached.md", in: workspace, formats: [.html])
        #expect(log.actions().suffix(3) == ["render", "compile", "run"])
        #expect(try EndToEnd.text(codeEdit.files[0]).contains("sum of squares: 36"))
    }

    @Test("--fresh recomputes each stored artifact once: later calls in the run read back what it stored")
    func freshRunsComputeEachArtifactOnce() throws {
        let workspace = try EndToEnd.workspace("artifacts.md")
        _ = try EndToEnd.render("artifacts.md", in: workspace, formats: [.html])
        let result = try EndToEnd.render("artifacts.md", in: workspace, formats: [.html], fresh: true)
        let html = try EndToEnd.text(result.files[0])
        #expect(result.outcome.record.failure == nil)
        #expect(html.contains("square: 49 computed 1, written 1 times"), "a fresh run recomputes stored values once")
        #expect(html.contains("note written 1 times"))
    }

    @Test("a data file the program read through the library keys the stored results, declared or not")
    func changedDataFilesRerun() throws {
        let workspace = try EndToEnd.workspace("data-read.md")
        let data = workspace.appendingPathComponent("rows.data")
        let row = { (first: Int) in ([String(first)] + Array(repeating: "0", count: 56) + ["1"]).joined(separator: ",") + "\n" }
        try row(3).write(to: data, atomically: true, encoding: .utf8)
        let first = try EndToEnd.render("data-read.md", in: workspace, formats: [.html])
        #expect(first.outcome.record.failure == nil)
        #expect(first.outcome.record.dataFiles.map(\.path) == [data.standardizedFileURL.path])
        #expect(try EndToEnd.text(first.files[0]).contains("first feature: 3.0"))
        #expect(try EndToEnd.render("data-read.md", in: workspace, formats: [.html]).outcome.isReused)

        try row(7).write(to: data, atomically: true, encoding: .utf8)
        let changed = try EndToEnd.render("data-read.md", in: workspace, formats: [.html])
        #expect(!changed.outcome.isReused, "the stored results came from the old data")
        #expect(try EndToEnd.text(changed.files[0]).contains("first feature: 7.0"))
    }
}

import Foundation
@testable import MarginCLI
import Notebook
import NotebookWire
import Testing

@Suite("margin's progress lines")
struct ProgressPrinterTests {
    static let cell = CodeCell(index: 0, code: "", displayCode: "", options: CellOptions(label: "tbl-claims"),
                               fenceLocation: SourceLocation(file: "nb.md", line: 3), firstCodeLine: 4, lastCodeLine: 4)
    static let events: [ExecutionEvent] = [
        .cellStarted(cell),
        .cellProgress(cell, line: "epoch 1/2 ██·· 2/4 ETA 1.0 s loss 0.5", finished: false),
        .cellProgress(cell, line: "epoch 1/2 loss 0.25 (2.0 s)", finished: true),
        .cellProgress(cell, line: "epoch 2/2 █··· 1/4 ETA 3.0 s loss 0.2", finished: false),
        .cellFinished(cell, seconds: 4.5),
    ]

    @Test("on a terminal the live line is redrawn after the cell's name, cut to the width, and summaries are kept",
          arguments: [
              (true, "  cell 1 (tbl-claims) … \r\u{1B}[2K  cell 1 (tbl-claims) … epoch 1/2 ██·· 2/4 ET"
                  + "\r\u{1B}[2K    epoch 1/2 loss 0.25 (2.0 s)\n  cell 1 (tbl-claims) … "
                  + "\r\u{1B}[2K  cell 1 (tbl-claims) … epoch 2/2 █··· 1/4 ET\r\u{1B}[2K  cell 1 (tbl-claims) … 4.50 s\n"),
              (false, "  cell 1 (tbl-claims) … \n    epoch 1/2 loss 0.25 (2.0 s)\n  cell 1 (tbl-claims) … 4.50 s\n"),
          ])
    func lines(isTerminal: Bool, expected: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
        try Data().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        let printer = ProgressPrinter(isQuiet: false, notebook: "nb.md", output: handle, isTerminal: isTerminal, columns: 46)
        for event in Self.events { printer.handle(event) }
        try handle.close()
        #expect(try String(contentsOf: url, encoding: .utf8) == expected)
    }

    @Test("a cell that reports no progress keeps its one line")
    func quietCell() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
        try Data().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        let printer = ProgressPrinter(isQuiet: false, notebook: "nb.md", output: handle, isTerminal: false, columns: 80)
        printer.handle(.cellStarted(Self.cell))
        printer.handle(.cellFinished(Self.cell, seconds: 0.25))
        try handle.close()
        #expect(try String(contentsOf: url, encoding: .utf8) == "  cell 1 (tbl-claims) … 0.25 s\n")
    }
}

import Foundation
import Notebook
import Report
import Testing

/// A cell's `cellProgress()` reaches margin as events and stays out of the report.
@Suite("Cell progress end to end")
struct ProgressTests {
    /// The events a render reports, collected from its callback thread.
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var progress: [(line: String, finished: Bool)] = []

        func record(_ event: ExecutionEvent) {
            guard case let .cellProgress(cell, line, finished) = event, cell.index == 0 else { return }
            lock.withLock { progress.append((line, finished)) }
        }

        var lines: [(line: String, finished: Bool)] { lock.withLock { progress } }
    }

    @Test func progressGoesToTheTerminalNotTheReport() throws {
        let workspace = try EndToEnd.workspace("progress.md")
        let events = Events()
        let result = try EndToEnd.render("progress.md", in: workspace, formats: [.html], onEvent: events.record)
        #expect(result.outcome.record.failure == nil)
        let lines = events.lines
        #expect(lines.contains { !$0.finished && $0.line.hasPrefix("epoch 1/2 ") && $0.line.contains("3/3") && $0.line.hasSuffix("loss 0.5") })
        #expect(lines.last.map { $0.finished && $0.line.hasPrefix("epoch 1/2 loss 0.25 (") } == true)
        let html = try EndToEnd.text(result.files[0])
        #expect(html.contains("printed by the cell") && !html.contains("epoch 1/2"))
    }
}

import Foundation
import NeuralNetworks
import Testing

@Suite("Learning-rate schedules and progress output")
struct ScheduleAndProgressTests {
    @Test("step: 1e-3 times 0.1 every 80 epochs (Etmann et al.)")
    func step() {
        var state = LearningRateSchedule.State(.step(every: 80, factor: 0.1), base: 1e-3)
        var rates: [Double] = []
        for epoch in 0..<200 {
            rates.append(state.rate)
            state.endEpoch(epoch, validationLoss: 1)
        }
        #expect(rates[0] == 1e-3 && rates[79] == 1e-3)
        #expect(abs(rates[80] - 1e-4) < 1e-18 && abs(rates[160] - 1e-5) < 1e-18)
    }

    @Test("plateau: halves after `patience` epochs without improvement, never below the minimum")
    func plateau() {
        var state = LearningRateSchedule.State(.plateau(patience: 2, factor: 0.5, minimum: 0.3), base: 1)
        var rates: [Double] = []
        for (epoch, loss) in [1.0, 0.9, 0.95, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96].enumerated() {
            state.endEpoch(epoch, validationLoss: loss)
            rates.append(state.rate)
        }
        #expect(rates == [1, 1, 1, 1, 0.5, 0.5, 0.5, 0.3, 0.3])
    }

    @Test("without a terminal, progress is one plain line per task")
    func plainLines() throws {
        let pipe = Pipe()
        let reporter = ProgressReporter(output: pipe.fileHandleForWriting, isTerminal: false)
        reporter.start("epoch 1/2", total: 10)
        for step in 1...10 { reporter.update(step, status: "loss 0.5") }
        reporter.finish("loss 0.500")
        try pipe.fileHandleForWriting.close()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.hasPrefix("epoch 1/2 loss 0.500 ("))
        #expect(text.filter { $0 == "\n" }.count == 1 && !text.contains("\r"))
    }

    @Test("a reporter with a line handler hands over live lines and the summary, with no escape codes")
    func lineHandler() {
        final class Lines: @unchecked Sendable {
            var received: [(String, Bool)] = []
        }
        let lines = Lines()
        let reporter = ProgressReporter { line, finished in lines.received.append((line, finished)) }
        reporter.start("epoch 1/2", total: 2)
        reporter.update(2, status: "loss 0.5")
        reporter.finish("loss 0.500")
        #expect(lines.received.count == 2)
        #expect(lines.received.first.map { !$0.1 && $0.0.hasPrefix("epoch 1/2 ") && $0.0.contains(" 2/2 ") && $0.0.hasSuffix("loss 0.5") } == true)
        #expect(lines.received.last.map { $0.1 && $0.0.hasPrefix("epoch 1/2 loss 0.500 (") } == true)
        #expect(!lines.received.contains { $0.0.contains("\u{1B}") || $0.0.contains("\n") })
    }

    @Test("on a terminal, the bar is redrawn in place")
    func terminalBar() throws {
        let pipe = Pipe()
        let reporter = ProgressReporter(output: pipe.fileHandleForWriting, isTerminal: true)
        reporter.start("attack", total: 4)
        reporter.update(4)
        reporter.finish("done")
        try pipe.fileHandleForWriting.close()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.contains("\r\u{1B}[2Kattack ████") && text.contains("4/4") && text.hasSuffix("done (0.0 s)\n"))
    }

    @Test("on a terminal, the live line is cut to the terminal's width and shows no ETA before the first step")
    func terminalWidth() throws {
        let pipe = Pipe()
        let reporter = ProgressReporter(output: pipe.fileHandleForWriting, isTerminal: true, columns: 40)
        reporter.start("a rather long label for a task", total: 10)
        reporter.update(0, status: "loss 0.5")
        try pipe.fileHandleForWriting.close()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let line = text.replacingOccurrences(of: "\r\u{1B}[2K", with: "")
        #expect(line.count == 39 && line.hasPrefix("a rather long label for a task ·"))
        let wide = Pipe()
        let unlimited = ProgressReporter(output: wide.fileHandleForWriting, isTerminal: true, columns: 500)
        unlimited.start("task", total: 10)
        unlimited.update(0)
        try wide.fileHandleForWriting.close()
        #expect(String(decoding: wide.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("ETA --"))
    }
}

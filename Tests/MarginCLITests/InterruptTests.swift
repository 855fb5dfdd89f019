import Foundation
import Testing

/// Killing `margin` ends the notebook program it runs, which sits in a process group of its
/// own and never sees the terminal's Ctrl-C.
@Suite("margin interrupted")
struct InterruptTests {
    /// The build folder holding this test binary, the `margin` executable and libMargin.so.
    static let buildDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    static let packageDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("SIGKILL to margin ends its running notebook program within a second")
    func programEndsWithMargin() throws {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("margin-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        let notebook = workspace.appendingPathComponent("forever.md")
        try """
        # Forever

        ```swift
        try String(getpid()).write(toFile: "program.pid", atomically: true, encoding: .utf8)
        while true { usleep(20_000) }
        ```
        """.write(to: notebook, atomically: true, encoding: .utf8)
        let margin = Process()
        margin.executableURL = Self.buildDirectory.appendingPathComponent("margin")
        margin.arguments = ["run", notebook.path, "--timeout", "none", "--no-library-build", "--quiet",
                            "--library-dir", Self.buildDirectory.path, "--package-dir", Self.packageDirectory.path,
                            "--build-dir", workspace.appendingPathComponent("build").path]
        margin.standardOutput = FileHandle.nullDevice
        margin.standardError = FileHandle.nullDevice
        try margin.run()
        let pidFile = workspace.appendingPathComponent("program.pid")
        let deadline = Date().addingTimeInterval(300)
        while !FileManager.default.fileExists(atPath: pidFile.path), margin.isRunning, Date() < deadline { usleep(100_000) }
        let program = try #require(Int32(try String(contentsOf: pidFile, encoding: .utf8)), "the program never started")
        #expect(Self.isRunning(program))
        kill(margin.processIdentifier, SIGKILL)
        margin.waitUntilExit()
        var waited = 0.0
        while Self.isRunning(program), waited < 2 { usleep(50_000); waited += 0.05 }
        #expect(!Self.isRunning(program), "the notebook program \(program) outlived margin")
        if Self.isRunning(program) { kill(program, SIGKILL) }
    }

    /// Whether `pid` exists and is not a zombie (state Z in /proc/<pid>/stat).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(close, offsetBy: 2)] != "Z"
    }
}

import Foundation
import NotebookWire

/// The Swift compiler that builds notebook programs: `$SWIFTC`, or `swiftc` on PATH.
public struct Toolchain: Sendable, Hashable {
    /// The compiler command.
    public var compiler: String
    /// The first line of `swiftc --version`, part of every cache key.
    public var version: String

    /// Finds the compiler and asks its version.
    public static func detect() throws -> Toolchain {
        let compiler = ProcessInfo.processInfo.environment["SWIFTC"] ?? "swiftc"
        let result = try Subprocess.run(compiler, ["--version"])
        guard result.succeeded, let line = result.output.split(separator: "\n").first(where: { $0.contains("Swift") }) else {
            throw NotebookError(.environment, "`\(compiler) --version` failed",
                                hint: "install Swift 6 and put swiftc on PATH, or set SWIFTC", detail: result.output)
        }
        return Toolchain(compiler: compiler, version: line.trimmingCharacters(in: .whitespaces))
    }
}

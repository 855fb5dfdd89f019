import Foundation
import NotebookWire

/// Runs a command to completion and returns its exit status and combined stdout + stderr.
public enum Subprocess {
    /// The result of a finished command.
    public struct Result: Sendable {
        /// The exit status.
        public let status: Int32
        /// Standard output and standard error, interleaved.
        public let output: String
        /// Whether the status is 0.
        public var succeeded: Bool { status == 0 }
    }

    /// Runs `executable` (a path, or a name looked up on PATH) with `arguments` in `directory`.
    /// `input` is written to its standard input (none when nil).
    public static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String]? = nil, input: Data? = nil) throws -> Result {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        do {
            try process.run()
        } catch {
            throw NotebookError(.environment, "cannot run \(executable): \(error.localizedDescription)")
        }
        if let input {
            DispatchQueue.global().async {
                inputPipe.fileHandleForWriting.write(input)
                try? inputPipe.fileHandleForWriting.close()
            }
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}

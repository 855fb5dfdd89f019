import Foundation
import NotebookWire

/// An exclusive hold on a notebook's build folder for one execution, so that two `margin`
/// processes never compile into, run in or record to the same folder at once (the second
/// would find the first's program replaced and fail with a misleading error).
///
/// The hold is `flock(LOCK_EX | LOCK_NB)` on `<build folder>/lock`, which the kernel releases
/// when the holder exits however it exits, so a killed render leaves no stale lock; the
/// holder's PID is written into the file for the message the other process shows.
public final class BuildFolderLock {
    private let descriptor: Int32

    /// Takes the hold on `folder` for the notebook at `notebookPath`, or throws an
    /// environment error naming the process that has it.
    public init(_ folder: BuildFolder, notebookPath: String) throws {
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let path = folder.url.appendingPathComponent("lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw NotebookError(.environment, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw NotebookError(.environment, "\(notebookPath) is already being executed by another margin"
                                + (holder.map { $0.isEmpty ? "" : " (PID \($0))" } ?? ""),
                                hint: "wait for it to finish, or stop it, then run this again")
        }
        ftruncate(descriptor, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

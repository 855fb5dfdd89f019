import Foundation

/// The append-only log of what rendering did in a notebook's build folder: one line per
/// action (`compile`, `run`, `reuse`, `build-library`), so tests and users can see what a
/// render rebuilt without timing it.
public struct BuildLog: Sendable {
    /// The log file.
    public let url: URL

    /// A log at `url`.
    public init(url: URL) { self.url = url }

    /// Appends `action` and `detail` with a timestamp.
    public func append(_ action: String, _ detail: String) {
        let line = "\(ISO8601DateFormatter().string(from: Date())) \(action) \(detail)\n"
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let handle = FileHandle(forWritingAtPath: url.path) {
            handle.seekToEndOfFile()
            handle.write(Data(line.utf8))
            try? handle.close()
        } else {
            try? Data(line.utf8).write(to: url)
        }
    }

    /// The actions logged so far (second word of each line), in order.
    public func actions() -> [String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ", maxSplits: 2)
            return words.count > 1 ? String(words[1]) : nil
        }
    }
}

import Checksums
import Foundation

/// The lines of data/CHECKSUMS (`sha256sum` format: 64 hex digits, two spaces, a path that is
/// absolute or relative to the data folder), so `sha256sum -c CHECKSUMS` and the loaders agree.
public struct ChecksumList: Sendable {
    /// SHA-256 hex digest by absolute, standardised file path.
    public let digests: [String: String]

    /// Reads `CHECKSUMS` in `dataDirectory`; a missing file gives an empty list.
    public init(dataDirectory: URL) throws {
        let file = dataDirectory.appendingPathComponent("CHECKSUMS")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            digests = [:]
            return
        }
        var digests: [String: String] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 64 else {
                throw DatasetError.badHeader(
                    path: "\(file.path):\(index + 1)",
                    detail: "expected '<64 hex digits>  <path>', found '\(line)'")
            }
            let name = parts[1].trimmingCharacters(in: .whitespaces)
            let url = name.hasPrefix("/") ? URL(fileURLWithPath: name)
                : dataDirectory.appendingPathComponent(name)
            digests[url.standardizedFileURL.path] = String(parts[0]).lowercased()
        }
        self.digests = digests
    }

    /// Throws `checksumMismatch` when `url` is listed and `bytes` hash to another digest.
    public func verify(_ bytes: [UInt8], of url: URL) throws {
        let path = url.standardizedFileURL.path
        guard let expected = digests[path] else { return }
        let actual = SHA256.hex(of: Data(bytes))
        guard actual == expected else {
            throw DatasetError.checksumMismatch(path: path, expected: expected, actual: actual)
        }
    }
}

import Foundation

/// Reads a data file whole: checks that it exists (naming `remedy` if not), verifies it
/// against data/CHECKSUMS when listed there, and inflates it when it is gzip. Every read is
/// announced to `DataFileReads`.
enum DataFile {
    static func bytes(at url: URL, remedy: String, checksums: ChecksumList? = nil) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DatasetError.fileNotFound(path: url.path, remedy: remedy)
        }
        let raw = [UInt8](try Data(contentsOf: url))
        DataFileReads.announce(url, bytes: raw)
        try (checksums ?? ChecksumList(dataDirectory: DataLocation.shippedDirectory())).verify(raw, of: url)
        return try GzipFile.inflateIfCompressed(raw, path: url.path)
    }
}

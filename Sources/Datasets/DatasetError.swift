import Foundation

/// Why a dataset could not be read. Every case names the file, the record where it applies,
/// what was expected, and how to fix it; nothing is read half-way.
public enum DatasetError: Error, Equatable, Sendable {
    /// The file does not exist; `remedy` is the command or step that provides it.
    case fileNotFound(path: String, remedy: String)
    /// The file's SHA-256 differs from the line in data/CHECKSUMS.
    case checksumMismatch(path: String, expected: String, actual: String)
    /// The file ends before the bytes its header promises.
    case truncated(path: String, expectedBytes: Int, actualBytes: Int)
    /// The file holds another number of records than its header (or the format) promises.
    case wrongRecordCount(path: String, expected: Int, actual: Int)
    /// The file's header is not the format the loader reads.
    case badHeader(path: String, detail: String)
    /// A CSV record (1-based `line`) has the wrong number of fields.
    case wrongWidth(path: String, line: Int, expected: Int, actual: Int)
    /// A CSV field is not a number.
    case notANumber(path: String, line: Int, column: Int, text: String)
    /// A label lies outside `0..<classCount` (`record` is 0-based).
    case labelOutOfRange(path: String, record: Int, label: Int, classCount: Int)
    /// The gzip stream is corrupt.
    case decompressionFailed(path: String, detail: String)
    /// The caller asked for something the data cannot give (an empty split, ...).
    case invalidRequest(String)
}

extension DatasetError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .fileNotFound(path, remedy):
            return "\(path): no such file. \(remedy)"
        case let .checksumMismatch(path, expected, actual):
            return "\(path): SHA-256 is \(actual), but data/CHECKSUMS expects \(expected). "
                + "The file is corrupt or was replaced; restore it (git checkout -- data/, or make data)."
        case let .truncated(path, expected, actual):
            return "\(path): truncated: the header promises \(expected) bytes, the file has \(actual). "
                + "Download or copy the file again."
        case let .wrongRecordCount(path, expected, actual):
            return "\(path): expected \(expected) records, found \(actual). The file is incomplete; restore or download it again."
        case let .badHeader(path, detail):
            return "\(path): not a file this loader reads: \(detail)"
        case let .wrongWidth(path, line, expected, actual):
            return "\(path):\(line): expected \(expected) comma-separated fields, found \(actual)."
        case let .notANumber(path, line, column, text):
            return "\(path):\(line): field \(column) is \"\(text)\", not a number."
        case let .labelOutOfRange(path, record, label, classCount):
            return "\(path): record \(record) has label \(label); labels must lie in 0..<\(classCount)."
        case let .decompressionFailed(path, detail):
            return "\(path): gzip stream is corrupt (\(detail)). Download or copy the file again."
        case let .invalidRequest(message):
            return message
        }
    }
}

extension DatasetError: LocalizedError {
    public var errorDescription: String? { description }
}

import Foundation

/// Where the data files that Margin's loaders read are announced: every file read through
/// them (`DataFile.bytes`: shipped, IDX, CIFAR-10, user CSVs) is passed, with its bytes as
/// stored, to the observer installed here. A notebook program installs one so that `margin`
/// can key its cached results on the data the program actually read, not only on the files
/// its front matter declares.
public enum DataFileReads {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var observer: (@Sendable (URL, [UInt8]) -> Void)?

    /// Calls `observer` with every data file read from now on (replacing any earlier one).
    public static func observe(_ observer: @escaping @Sendable (_ file: URL, _ bytes: [UInt8]) -> Void) {
        lock.withLock { self.observer = observer }
    }

    /// Announces that `file` was read as `bytes`.
    static func announce(_ file: URL, bytes: [UInt8]) {
        lock.withLock { observer }?(file, bytes)
    }
}

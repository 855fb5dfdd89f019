import Foundation

/// Where Margin's data lives.
///
/// - Shipped data (`data/` of the checkout): the first `data/CHECKSUMS` found walking up from
///   the current directory, else the checkout this library was built from.
/// - Full datasets a user brings: the folder passed to a loader, else `$MARGIN_DATA/<name>`.
/// - Fashion-MNIST: Debian's `dataset-fashion-mnist` (`make data`), or `$MARGIN_FASHION_MNIST`.
public enum DataLocation {
    /// The folder holding the shipped datasets and CHECKSUMS.
    public static func shippedDirectory() -> URL {
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("data")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("CHECKSUMS").path) {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data")
    }

    /// Full Fashion-MNIST: `$MARGIN_FASHION_MNIST`, else Debian's install location.
    public static func fashionMNISTDirectory() -> URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["MARGIN_FASHION_MNIST"]
            ?? "/usr/share/datasets/fashion-mnist")
    }

    /// A user-supplied dataset folder: `explicit` if given, else `$MARGIN_DATA/<subfolder>`.
    static func userDirectory(_ explicit: URL?, subfolder: String, dataset: String) throws -> URL {
        if let explicit { return explicit }
        guard let root = ProcessInfo.processInfo.environment["MARGIN_DATA"] else {
            throw DatasetError.fileNotFound(
                path: "$MARGIN_DATA/\(subfolder)",
                remedy: "\(dataset) is not shipped with Margin. Download it, then pass its folder to "
                    + "the loader (directory:) or set MARGIN_DATA to a folder holding \(subfolder)/.")
        }
        return URL(fileURLWithPath: root).appendingPathComponent(subfolder)
    }
}

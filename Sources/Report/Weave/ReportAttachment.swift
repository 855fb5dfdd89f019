import Foundation
import NotebookWire

/// A file written beside the report that the report links to: a cell's whole printed output
/// when the report shows only its head and tail (`output/cell-3.txt`), or the SVG of a figure
/// the report shows as a PNG (`figures/fig-cloud.svg`). A failure report's files go under
/// `failed/`, so the last good report's files are left as they are.
public struct ReportAttachment: Sendable {
    /// What the file holds.
    public enum Contents: Sendable {
        /// This text.
        case text(String)
        /// A copy of this file.
        case copy(URL)
    }

    /// The path relative to the report folder.
    public var path: String
    /// Its contents.
    public var contents: Contents

    /// Writes the file under `directory`, atomically (a temporary file renamed into place).
    public func write(into directory: URL) throws {
        let url = directory.appendingPathComponent(path)
        switch contents {
        case .text(let text):
            try AtomicFile.write(Data(text.utf8), to: url)
        case .copy(let source):
            do {
                try AtomicFile.write(try Data(contentsOf: source), to: url)
            } catch {
                throw ReportError("cannot copy \(source.path) to \(url.path) (\(error.localizedDescription)); re-run the notebook with --fresh")
            }
        }
    }
}

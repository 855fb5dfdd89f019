import Checksums
import Datasets
import Foundation
import NotebookRuntime

/// The first call of every generated notebook program: starts the session
/// (`NotebookSession.start`) and reports each data file that Margin's loaders read
/// (`DataFileReads`) to `margin`, which keys the stored results on those files' contents.
public func startNotebookProgram(standardOutput: UnsafeMutablePointer<FILE>) {
    let session = NotebookSession.shared
    session.start(standardOutput: standardOutput)
    guard session.hasChannel else { return }
    DataFileReads.observe { file, bytes in
        session.reportDataFileRead(path: file.standardizedFileURL.path, sha256: SHA256.hex(of: Data(bytes)))
    }
}

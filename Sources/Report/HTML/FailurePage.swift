import Foundation
import Notebook
import NotebookWire

/// The failure report for a notebook that could not even be executed (invalid front matter,
/// an unknown cell option, a bad `-P` value, a missing library): one page naming the file
/// and line and saying how to fix it, written as `index.failed.html` beside the last good
/// report.
public enum FailurePage {
    /// Writes the page for `error` into `directory` (temporary file, then rename) and returns its URL.
    @discardableResult
    public static func write(_ error: NotebookError, notebookPath: String, into directory: URL) throws -> URL {
        let title = "Render failed: \(notebookPath)"
        let html = """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head><meta charset="utf-8"/><title>\(HTMLText.escape(title))</title><style>\(ReportStyle.css)</style></head>
        <body>
        <div class="failure-banner" role="alert">
        <p><strong>\(HTMLText.escape(title))</strong></p>
        <p>\(HTMLText.escape(error.location.map { "\($0): " } ?? ""))\(HTMLText.escape(error.message))</p>
        \(error.hint.map { "<p>Hint: \(HTMLText.escape($0))</p>" } ?? "")
        <p>The last good report, if any, is unchanged.</p>
        </div>
        \(error.detail.map { "<pre class=\"output stderr\">\(HTMLText.escape($0))</pre>" } ?? "")
        </body>
        </html>

        """
        let url = directory.appendingPathComponent(ReportFormat.html.failureFileName)
        try AtomicFile.write(Data(html.utf8), to: url)
        return url
    }
}

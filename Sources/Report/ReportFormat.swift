/// A report format `margin render` writes.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// One self-contained `index.html`.
    case html
    /// `report.pdf`, typeset with Cairo and Pango.
    case pdf

    /// The file name in the report folder.
    public var fileName: String {
        switch self {
        case .html: "index.html"
        case .pdf: "report.pdf"
        }
    }

    /// The file name of a failed render's report, written beside the last good one.
    public var failureFileName: String {
        switch self {
        case .html: "index.failed.html"
        case .pdf: "report.failed.pdf"
        }
    }
}

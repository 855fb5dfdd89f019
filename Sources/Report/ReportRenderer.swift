import Foundation
import Notebook
import NotebookWire

/// Renders a notebook into its report folder: executes it (with caching), weaves the
/// results, and writes `index.html` and `report.pdf`.
///
/// Beside the reports go the files they link to (`WovenReport.attachments`): `output/cell-N.txt`,
/// the whole printed output of a cell the report shows only the head and tail of, and
/// `figures/<anchor>.svg`, the vector drawing of a figure shown as PNG; files there that the
/// new report does not link to are removed.
///
/// Every file is written to a temporary name and renamed into place, so readers never see a
/// half-written report. When the notebook fails, the failure report (an error banner linking
/// to the failing cell, with the outputs produced so far) goes to `index.failed.html` beside
/// the last good report, which is left untouched; a later successful render removes it.
public struct ReportRenderer: Sendable {
    /// Executes notebooks.
    public var executor: NotebookExecutor
    /// The formats to write (default HTML and PDF).
    public var formats: [ReportFormat]

    /// A renderer writing `formats` with `executor`.
    public init(executor: NotebookExecutor, formats: [ReportFormat] = ReportFormat.allCases) {
        self.executor = executor
        self.formats = formats
    }

    /// Renders `document` into `directory` (created when missing).
    public func render(_ document: NotebookDocument, into directory: URL) throws -> RenderResult {
        let outcome = try executor.execute(document)
        let provenance = Provenance.collect(library: executor.settings.library, record: outcome.record)
        let report = WovenReport(document: document, record: outcome.record, isReused: outcome.isReused, provenance: provenance)
        var warnings = report.unresolvedReferences.map { "\(document.path): @\($0) refers to no figure or table" }
        let math = try MathRenderer(cacheFile: outcome.folder.mathCache).render(report.mathExpressions)
        for (expression, rendering) in math {
            if case .invalid(let message) = rendering { warnings.append("\(document.path): invalid math `\(expression.tex)`: \(message)") }
        }
        let figures = FigureRenderer()
        let failed = outcome.record.failure != nil
        try writeAttachments(of: report, into: directory)
        var files: [URL] = []
        for format in formats where !(failed && format == .pdf) {
            let url = directory.appendingPathComponent(failed ? format.failureFileName : format.fileName)
            switch format {
            case .html:
                let html = try HTMLWriter(report: report, math: math, figureImage: figures.htmlImage).html()
                try AtomicFile.write(Data(html.utf8), to: url)
            case .pdf:
                try PDFWriter(report: report, figures: figures).write(to: url)
            }
            files.append(url)
        }
        if !failed {
            for format in ReportFormat.allCases {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(format.failureFileName))
            }
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(WovenReport.attachmentFolder(failed: true)))
        }
        return RenderResult(outcome: outcome, files: files, warnings: warnings)
    }

    /// Writes the files `report` links to under `directory` and removes the others that an
    /// earlier report of the same kind (good or failed) left in `output/` and `figures/`.
    private func writeAttachments(of report: WovenReport, into directory: URL) throws {
        for attachment in report.attachments { try attachment.write(into: directory) }
        let kept = Set(report.attachments.map(\.path))
        let prefix = WovenReport.attachmentFolder(failed: report.record.failure != nil)
        for folder in ["output/", "figures/"] {
            let url = directory.appendingPathComponent(prefix + folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            where !kept.contains(prefix + folder + name) {
                try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
            }
        }
    }
}

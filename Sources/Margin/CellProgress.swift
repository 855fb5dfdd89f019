import NeuralNetworks
import NotebookRuntime

/// The progress reporter a cell passes to long work (training, attacks, certification): its
/// lines go to `margin`'s terminal beside the running cell ("cell 4 (tbl-claims) … epoch
/// 12/30 ███···"), never into the report. A program run by hand reports on standard error.
public func cellProgress() -> ProgressReporter {
    let session = NotebookSession.shared
    guard session.hasChannel else { return ProgressReporter() }
    return ProgressReporter { line, finished in session.reportProgress(line, finished: finished) }
}

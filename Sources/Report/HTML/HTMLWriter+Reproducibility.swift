import Foundation
import Notebook

extension HTMLWriter {
    /// The closing block: `WovenReport.reproducibilityFacts` and the per-cell times.
    func reproducibilityBlock() -> String {
        var html = "<footer id=\"reproducibility\">\n<h2>Reproducibility</h2>\n<table class=\"facts\">\n<tbody>\n"
        for fact in report.reproducibilityFacts {
            html += "<tr><th scope=\"row\">\(HTMLText.escape(fact.name))</th><td>\(HTMLText.escape(fact.value))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += dataTable(report.cellTimes, className: "cell-times")
        return html + "</footer>\n"
    }
}

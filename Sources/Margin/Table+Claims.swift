import NeuralNetworks
import NotebookRuntime
import Reproductions
import TensorModule
extension Table {
    /// A report's claims table: each claim with its source in the paper, what it was tested
    /// on, the statistic, the verdict (holds / does not hold / untestable here) and the reason.
    public init(claims: [Claim], caption: String? = nil, notes: [String] = []) {
        self.init(caption: caption,
                  columns: ["claim", "source", "tested on", "statistic", "verdict", "reason"],
                  notes: notes)
        for claim in claims {
            append([.text(claim.statement), .text(claim.source), .text(claim.testedOn), .text(claim.statistic),
                    .text(claim.verdict.label), .text(claim.reason)])
        }
    }
}

import Foundation
import Notebook
import NotebookWire

extension WovenReport {
    /// The reproducibility facts as (name, value) pairs, in the order both report formats
    /// show them: notebook, commit, uncommitted changes, toolchain, library, execution and
    /// weaving dates, seeds, parameters, declared inputs, data files read, data checksums, artifact-cache use,
    /// compile and run times.
    public var reproducibilityFacts: [(name: String, value: String)] {
        let formatter = ISO8601DateFormatter()
        var facts: [(name: String, value: String)] = [
            ("Notebook", document.path),
            ("Git commit", provenance.commit ?? "not in a git repository"),
            ("Uncommitted changes", provenance.isDirty ? "yes (the work tree differs from the commit)" : "no"),
            ("Toolchain", record.toolchain),
            ("Margin library", provenance.libraryVersion),
            ("Executed", formatter.string(from: record.date) + (isReused ? " (results reused from the cache)" : "")),
            ("Woven", formatter.string(from: provenance.date)),
            ("Seeds", (["base seed \(record.baseSeed)"] + record.seeds.map { "\($0.name) = \($0.value)" }).joined(separator: "; ")),
        ]
        let parameters = record.parameters.map { "\($0.name) = \($0.value)" + ($0.isOverridden ? " (set with -P)" : " (default)") }
        facts.append(("Parameters", parameters.isEmpty ? "none" : parameters.joined(separator: "; ")))
        let inputs = record.inputs.map { "\($0.path): sha256 \($0.sha256)" }
        facts.append(("Declared inputs", inputs.isEmpty ? "none" : inputs.joined(separator: "; ")))
        if !record.dataFiles.isEmpty {
            facts.append(("Data files read", record.dataFiles.map { "\($0.path): sha256 \($0.sha256.prefix(16))…" }
                .joined(separator: "; ")))
        }
        if !provenance.dataChecksums.isEmpty {
            facts.append(("Data (data/CHECKSUMS)", provenance.dataChecksums.map { checksum in
                let status = checksum.matches.map { $0 ? " (verified)" : " (DIFFERS from the file used)" } ?? ""
                return "\(checksum.path): \(checksum.sha256.prefix(16))…\(status)"
            }.joined(separator: "; ")))
        }
        if !record.artifacts.isEmpty {
            facts.append(("Artifacts", record.artifacts.map { "\($0.name): \($0.hit ? "from cache" : "computed")" }
                .joined(separator: "; ")))
        }
        facts.append(("Compile / run", String(format: "%.2f s / %.2f s", record.compileSeconds, record.runSeconds)))
        return facts
    }

    /// Per-cell status and time as a table.
    public var cellTimes: TableRecord {
        TableRecord(columns: [TableColumnRecord(title: "Cell"), TableColumnRecord(title: "Line", alignment: .right),
                              TableColumnRecord(title: "Status"), TableColumnRecord(title: "Seconds", alignment: .right)],
                    rows: document.cells.map { cell in
                        let result = record.result(ofCell: cell.index)
                        return [cell.displayName, String(cell.fenceLocation.line), result?.status.rawValue ?? "not run",
                                String(format: "%.3f", result?.seconds ?? 0)]
                    })
    }
}

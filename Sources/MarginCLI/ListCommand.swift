import ArgumentParser
import Foundation
import Notebook

/// `margin list`: the notebooks in the notebooks folder with their titles, cells and parameters.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List notebooks with their titles, cell counts and parameters.")

    @Option(help: "The notebooks folder.")
    var notebooksDir = "notebooks"

    func run() throws {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: notebooksDir)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        guard !names.isEmpty else { throw ValidationError("no notebooks (.md files) in \(notebooksDir)") }
        for name in names {
            let path = (notebooksDir as NSString).appendingPathComponent(name)
            do {
                let document = try NotebookDocument(contentsOfFile: path)
                let parameters = document.frontMatter.parameters.map { "\($0.name)=\($0.defaultValue)" }
                print("\(path)\t\(document.title)\t\(document.cells.count) cells"
                      + (parameters.isEmpty ? "" : "\tparams: " + parameters.joined(separator: " ")))
            } catch {
                print("\(path)\tINVALID: \(error)")
            }
        }
    }
}

import Notebook
import Testing

@Suite("Program generation")
struct ProgramGeneratorTests {
    @Test func cellsKeepTheirNotebookLines() throws {
        let source = """
        ---
        params: {epochs: 3, name: "a \\"quoted\\" name", profile: {default: quick, type: Profile}}
        ---

        ```swift
        import Foundation
        let x = epochs
        ```

        ```swift
        //| eval: false
        this does not compile
        ```
        """
        let document = try NotebookDocument(source: source, path: "/notebooks/nb.md")
        let program = ProgramGenerator(document: document).source()
        let lines = program.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let marker = try #require(lines.firstIndex(of: "#sourceLocation(file: \"/notebooks/nb.md\", line: 6)"))
        #expect(lines[marker + 1] == "")
        #expect(lines[marker + 2] == "let x = epochs")
        #expect(lines.contains("import Foundation"))
        #expect(lines.contains("let epochs: Int = NotebookSession.shared.parameter(\"epochs\", default: 3)"))
        #expect(lines.contains("let name: String = NotebookSession.shared.parameter(\"name\", default: \"a \\\"quoted\\\" name\")"))
        #expect(lines.contains("let profile: Profile = NotebookSession.shared.parameter(\"profile\", default: \"quick\", as: Profile.self)"))
        #expect(!program.contains("this does not compile"))
    }
}

import Notebook
import NotebookWire
import Testing

@Suite("Cells and their options")
struct CellOptionsTests {
    @Test func parsesEveryOption() throws {
        let source = """
        Intro.

        ```swift
        //| label: fig-loss
        //| caption: Loss per epoch.
        //| echo: false
        //| eval: true
        //| output: asis
        //| cache: false
        //| fig-width: 300
        //| fig-height: 200
        //| timeout: 5
        //| code-fold: show
        let x = 1
        ```

        ```python
        not a cell
        ```
        """
        let document = try NotebookDocument(source: source, path: "nb.md")
        #expect(document.cells.count == 1)
        let cell = try #require(document.cells.first)
        #expect(cell.options == CellOptions(label: "fig-loss", caption: "Loss per epoch.", echo: false, eval: true,
                                            output: .asis, cache: false, figureWidth: 300, figureHeight: 200,
                                            timeout: 5, codeFolding: .open))
        #expect(cell.displayCode == "let x = 1")
        #expect(cell.fenceLocation.line == 3)
        #expect(cell.firstCodeLine == 4)
        #expect(cell.lastCodeLine == 14)
    }

    @Test(arguments: [
        ("//| fig-widht: 3", "unknown cell option `fig-widht`", "did you mean `fig-width`?"),
        ("//| echo: sometimes", "`echo` must be true or false", nil),
        ("//| fig-width: -2", "`fig-width` must be a non-negative number", nil),
        ("//| output: maybe", "`output` must be true, false or asis", nil),
        ("//| label: 3x", "is not a valid label", nil),
    ] as [(String, String, String?)])
    func badOptionsPointAtTheirLine(option: String, message: String, hint: String?) {
        let source = "Text.\n\n```swift\nlet a = 1\n```\n\n```swift\n//| cache: true\n\(option)\nlet b = 2\n```\n"
        let error = #expect(throws: NotebookError.self) { try NotebookDocument(source: source, path: "nb.md") }
        #expect(error?.location?.line == 9)
        #expect(error?.message.contains(message) == true)
        if let hint { #expect(error?.hint?.contains(hint) == true) }
    }

    @Test func duplicateLabelsAreRejected() {
        let source = "```swift\n//| label: tbl-a\n```\n\n```swift\n//| label: tbl-a\n```\n"
        let error = #expect(throws: NotebookError.self) { try NotebookDocument(source: source, path: "nb.md") }
        #expect(error?.location?.line == 5)
    }
}

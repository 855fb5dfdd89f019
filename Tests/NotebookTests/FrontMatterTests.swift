import Notebook
import NotebookWire
import Testing

@Suite("Front matter and parameters")
struct FrontMatterTests {
    let source = """
    ---
    title: Alignment
    authors: [Ada, Alan]
    date: 2026-11-22
    seed: 42
    timeout: 30
    params:
      epochs: 3
      rate: 0.5
      verbose: false
      profile: {default: quick, choices: [quick, paper], help: size}
      mode: {default: fast, choices: [fast, slow], type: Mode}
    ---

    # Body
    """

    @Test func readsFieldsAndTypedParameters() throws {
        let document = try NotebookDocument(source: source, path: "nb.md")
        let frontMatter = document.frontMatter
        #expect(frontMatter.title == "Alignment")
        #expect(frontMatter.authors == ["Ada", "Alan"])
        #expect(frontMatter.seed == 42)
        #expect(frontMatter.cellTimeout == 30)
        #expect(frontMatter.parameters.map(\.type) == [.int, .double, .bool, .string, .string])
        #expect(frontMatter.parameters.map(\.libraryType) == [nil, nil, nil, nil, "Mode"])
        #expect(frontMatter.parameters[3].choices == [.string("quick"), .string("paper")])
        #expect(frontMatter.parameters[0].location.line == 8)
    }

    @Test func commandLineValuesOverrideDefaults() throws {
        let frontMatter = try NotebookDocument(source: source, path: "nb.md").frontMatter
        let bindings = try frontMatter.bindings(for: ["epochs=7", "profile=paper"].map(ParameterAssignment.init(parsing:)))
        #expect(bindings.map(\.value) == [.int(7), .double(0.5), .bool(false), .string("paper"), .string("fast")])
        #expect(bindings.map(\.isOverridden) == [true, false, false, true, false])
    }

    @Test(arguments: [
        ("epochs=three", "is not a valid int"),
        ("profile=huge", "is not an allowed value"),
        ("mode=medium", "is not an allowed value"),
        ("missing=1", "declares no parameter `missing`"),
        ("epochs", "has no `=`"),
        (" =1", "names no parameter"),
    ])
    func badParameterValuesAreRejected(assignment: String, message: String) throws {
        let frontMatter = try NotebookDocument(source: source, path: "nb.md").frontMatter
        let error = #expect(throws: NotebookError.self) { try frontMatter.bindings(for: [ParameterAssignment(parsing: assignment)]) }
        #expect(error?.kind == .invalidParameter)
        #expect(error?.description.contains(message) == true)
    }

    @Test(arguments: [
        ("---\ntitle: a: b\n---\n", 2),
        ("---\ntitle: ok\ncolour: blue\n---\n", 3),
        ("---\nparams:\n  2bad: 1\n---\n", 3),
        ("---\ntitle: never closed\n", 1),
        ("---\nparams:\n  mode: {default: a, type: lowercase}\n---\n", 3),
        ("---\nparams:\n  mode: {default: a, type: Not-A-Type}\n---\n", 3),
    ])
    func brokenFrontMatterPointsAtItsLine(source: String, line: Int) {
        let error = #expect(throws: NotebookError.self) { try NotebookDocument(source: source, path: "nb.md") }
        #expect(error?.kind == .invalidNotebook)
        #expect(error?.location?.line == line)
        #expect(error?.description.hasPrefix("nb.md:\(line)") == true)
    }
}

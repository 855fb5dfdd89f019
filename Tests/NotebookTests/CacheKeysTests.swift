import Notebook
import Testing

@Suite("Cache keys")
struct CacheKeysTests {
    let base = """
    # Title

    Prose.

    ```swift
    let a = 1
    ```

    ```swift
    //| caption: B.
    let b = a + 1
    ```

    ```swift
    print(b)
    ```
    """

    private func keys(_ source: String, parameters: [ParameterBinding] = []) throws -> CacheKeys {
        CacheKeys(document: try NotebookDocument(source: source, path: "nb.md"), toolchain: "swift 6.3.1",
                  libraryFingerprint: "lib", parameters: parameters, inputs: [])
    }

    @Test func proseAndWeaveOnlyOptionsDoNotChangeKeys() throws {
        let edited = base.replacingOccurrences(of: "Prose.", with: "Edited prose, $x$.")
            .replacingOccurrences(of: "//| caption: B.", with: "//| caption: Another.\n//| echo: false")
        #expect(try keys(edited) == keys(base))
    }

    @Test func codeChangesInvalidateThatCellAndLaterOnes() throws {
        let original = try keys(base)
        let edited = try keys(base.replacingOccurrences(of: "let b = a + 1", with: "let b = a + 2"))
        #expect(edited.cells[0] == original.cells[0])
        #expect(edited.cells[1] != original.cells[1])
        #expect(edited.cells[2] != original.cells[2])
    }

    @Test func parametersChangeEveryKey() throws {
        let one = try keys(base, parameters: [ParameterBinding(name: "n", value: .int(1), isOverridden: false)])
        let two = try keys(base, parameters: [ParameterBinding(name: "n", value: .int(2), isOverridden: true)])
        #expect(one.notebook != two.notebook)
        #expect(zip(one.cells, two.cells).allSatisfy { $0 != $1 })
    }

    @Test func uncachedCellsNeverMatch() throws {
        let source = base.replacingOccurrences(of: "print(b)", with: "//| cache: false\nprint(b)")
        let first = try keys(source), second = try keys(source)
        #expect(first.cells[1] == second.cells[1])
        #expect(first.cells[2] != second.cells[2])
    }
}

import Report
import Testing

@Suite("Swift highlighting")
struct HighlighterTests {
    @Test func tokensCoverTheSourceAndKeepRangesApart() {
        let source = "let xs = (1...n).map { $0 * 2.5e-3 } // comment\n@inline(never) func f() -> Int { \"s\\\"q\" }"
        let tokens = SwiftHighlighter.tokens(source)
        func has(_ kind: SwiftHighlighter.TokenKind, _ text: String) -> Bool {
            tokens.contains { $0.kind == kind && $0.text == text }
        }
        #expect(tokens.map(\.text).joined() == source)
        #expect(tokens.filter { $0.kind == .number }.map(\.text) == ["1", "0", "2.5e-3"])
        #expect(has(.comment, "// comment"))
        #expect(has(.string, "\"s\\\"q\""))
        #expect(has(.attribute, "@inline"))
        #expect(has(.type, "Int"))
        #expect(has(.keyword, "func"))
    }
}

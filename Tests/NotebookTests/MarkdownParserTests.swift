import Notebook
import Testing

@Suite("Markdown with math and cross-references")
struct MarkdownParserTests {
    private func inlineKinds(_ source: String) -> [MarkdownNode.Kind] {
        MarkdownParser.parse(source).children.first?.children.map(\.kind) ?? []
    }

    @Test func mathIsNotEmphasis() {
        #expect(inlineKinds("See $a_i * b_i$ here") == [
            .text("See "), .math(MathExpression(tex: "a_i * b_i", isDisplay: false)), .text(" here"),
        ])
    }

    @Test(arguments: ["costs $5 and $6", "`$x$` in code", "escaped \\$x\\$", "$ x$"])
    func dollarsThatAreNotMath(_ source: String) {
        #expect(!inlineKinds(source).contains { if case .math = $0 { true } else { false } })
    }

    @Test func displayMathIsItsOwnParagraph() {
        let document = MarkdownParser.parse("Before.\n\n$$\n\\|x\\|_2 \\le \\epsilon\n$$\n\nAfter.")
        #expect(document.children[1].displayMath == MathExpression(tex: "\\|x\\|_2 \\le \\epsilon", isDisplay: true))
    }

    @Test func crossReferencesAndTables() {
        let document = MarkdownParser.parse("As @fig-loss and @tbl-acc show (mail a@fig-x).\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n")
        #expect(document.children[0].children.map(\.kind).filter {
            if case .crossReference = $0 { true } else { false }
        } == [.crossReference(label: "fig-loss"), .crossReference(label: "tbl-acc")])
        #expect(document.children[1].kind == .table(alignments: [.left, .right]))
    }
}

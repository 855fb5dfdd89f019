@testable import Report
import Testing

@Suite("Math in the PDF")
struct UnicodeMathTests {
    @Test(arguments: [
        ("\\alpha \\le \\beta", "α ≤ β"),
        ("\\|x\\|_2", "‖x‖2"),
        ("\\frac{a}{b+c}", "a/(b + c)"),
        ("\\mathbb{R}^n", "ℝn"),
        ("\\hat{y}", "y\u{0302}"),
        ("\\text{if } x < 0", "if x < 0"),
    ])
    func texBecomesReadableUnicode(tex: String, visible: String) {
        #expect(InlineMarkup.visibleText(of: UnicodeMath.markup(tex)) == visible)
    }

    @Test func scriptsBecomeSuperscriptAndSubscriptMarkup() {
        #expect(UnicodeMath.markup("x^2_i") == "<i>x</i><sup>2</sup><sub><i>i</i></sub>")
    }
}

import Notebook

extension PDFWriter {
    /// The closing "Reproducibility" section: facts and per-cell times.
    func reproducibility(_ typesetter: PDFTypesetter) {
        typesetter.ensureSpace(120)
        let style = TextStyle.heading(2)
        typesetter.skip(style.spaceBefore)
        typesetter.destination("reproducibility")
        typesetter.outline("Reproducibility", level: 1, destination: "reproducibility")
        var title = InlineMarkup()
        title.text("Reproducibility")
        var unspaced = style
        unspaced.spaceBefore = 0
        typesetter.text(title, style: unspaced)
        for fact in report.reproducibilityFacts {
            var markup = InlineMarkup()
            markup.tag("<b>")
            markup.text(fact.name + ": ")
            markup.tag("</b>")
            markup.text(fact.value)
            typesetter.text(markup, style: TextStyle(font: "DejaVu Sans 8", spaceAfter: 3))
        }
        typesetter.skip(6)
        grid(report.cellTimes, typesetter)
    }
}

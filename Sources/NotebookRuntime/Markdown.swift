
/// Weaves `text` (Markdown, with `$math$` and `@fig-x` references) into the report at this
/// point of the current cell's output, like Quarto's `output: asis` for one string.
public func markdown(_ text: String) {
    NotebookSession.shared.send(.markdown(text))
}

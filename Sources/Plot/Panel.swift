/// One cell of a figure's grid.
public enum Panel: Sendable {
    case axes(Axes)
    case image(ImagePanel)
    /// Leaves the cell blank.
    case empty
}

/// A laid-out figure: what to draw, and what was dropped or adjusted on the way.
public struct BuiltFigure: Sendable {
    public var displayList: DisplayList
    /// E.g. "scatter: dropped 3 points with NaN or infinite coordinates".
    public var warnings: [String]
}

/// How one series is drawn; unset colours come from the theme's palette in series order.
public struct SeriesStyle: Sendable {
    /// The legend entry (none when nil).
    public var label: String?
    public var color: Color?
    public var lineWidth: Double
    public var dash: [Double]
    public var marker: MarkerShape
    /// Marker diameter in points.
    public var markerSize: Double
    /// Opacity of markers and fills.
    public var alpha: Double
    /// Whether a line mark also draws its marker at every point (matplotlib's `marker=`);
    /// scatter and error-bar marks always draw theirs.
    public var lineMarkers: Bool

    public init(label: String? = nil, color: Color? = nil, lineWidth: Double = 1.5, dash: [Double] = [],
                marker: MarkerShape = .circle, markerSize: Double = 4, alpha: Double = 1,
                lineMarkers: Bool = false) {
        self.label = label
        self.color = color
        self.lineWidth = lineWidth
        self.dash = dash
        self.marker = marker
        self.markerSize = markerSize
        self.alpha = alpha
        self.lineMarkers = lineMarkers
    }
}

/// A continuous colour scale: colours at evenly spaced stops, linearly interpolated.
public struct Colormap: Codable, Sendable, Hashable {
    public let name: String
    public let stops: [Color]

    public init(name: String, stops: [Color]) {
        precondition(stops.count >= 2, "a colormap needs at least two stops")
        self.name = name
        self.stops = stops
    }

    /// The colour at t in [0, 1] (clamped; NaN gives the first stop).
    public func color(at t: Double) -> Color {
        let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
        let position = clamped * Double(stops.count - 1)
        let index = min(Int(position), stops.count - 2)
        return stops[index].mixed(with: stops[index + 1], position - Double(index))
    }

    /// Viridis (van der Walt & Smith, matplotlib 1.5), perceptually uniform; the ten stops of
    /// R's viridisLite::viridis(10).
    public static let viridis = Colormap(name: "viridis", stops: [
        "#440154", "#482878", "#3E4A89", "#31688E", "#26828E", "#1F9E89", "#35B779", "#6DCD59", "#B4DE2C", "#FDE725",
    ].map { Color(hex: $0) })

    /// Magma (matplotlib 1.5); the ten stops of viridisLite::magma(10).
    public static let magma = Colormap(name: "magma", stops: [
        "#000004", "#180F3E", "#451077", "#721F81", "#9F2F7F", "#CD4071", "#F1605D", "#FD9567", "#FEC98D", "#FCFDBF",
    ].map { Color(hex: $0) })

    /// A diverging red–white–blue map (ColorBrewer RdBu, 11 classes, Brewer 2003), negative
    /// values red, zero white, positive blue.
    public static let redBlue = Colormap(name: "red-blue", stops: [
        "#67001F", "#B2182B", "#D6604D", "#F4A582", "#FDDBC7", "#F7F7F7", "#D1E5F0", "#92C5DE", "#4393C3", "#2166AC", "#053061",
    ].map { Color(hex: $0) })

    /// Black to white, for images.
    public static let grayscale = Colormap(name: "gray", stops: [.black, .white])
}

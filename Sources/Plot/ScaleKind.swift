/// How data values map to positions along an axis.
public enum ScaleKind: Codable, Sendable, Equatable {
    case linear
    /// log10; every value must be positive.
    case log10
    /// Named, evenly spaced categories (bars, boxes, heatmap rows).
    case categorical([String])
}

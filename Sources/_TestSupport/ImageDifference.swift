import Foundation

/// How a rendered PNG differs from its committed reference.
public struct ImageDifference: Sendable, CustomStringConvertible {
    /// Mean absolute difference per channel, 0–255.
    public let meanAbsoluteDifference: Double
    /// The share of pixels where some channel differs by more than 32.
    public let changedPixelShare: Double
    public var description: String {
        String(format: "mean |difference| %.3f / 255, %.3f%% of pixels changed", meanAbsoluteDifference, 100 * changedPixelShare)
    }
}

import Foundation

/// Why a figure cannot be built.
public enum PlotError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// A mark was given no data at all.
    case emptyData(mark: String)
    /// Paired sequences differ in length.
    case mismatchedLengths(mark: String, lengths: [Int])
    /// A log axis was given zero or negative values.
    case nonPositiveOnLogScale(count: Int)
    /// The grid has fewer cells than panels, or a panel's content does not fit its kind.
    case invalidLayout(String)

    public var description: String {
        switch self {
        case let .emptyData(mark): return "\(mark): no data to plot (every value was missing or the input was empty)."
        case let .mismatchedLengths(mark, lengths): return "\(mark): paired data have different lengths \(lengths); give one value per point."
        case let .nonPositiveOnLogScale(count): return "log scale: \(count) value(s) are zero or negative; filter them or use a linear scale."
        case let .invalidLayout(detail): return "figure layout: \(detail)"
        }
    }

    public var errorDescription: String? { description }
}

import Foundation

extension Table {
    /// How a column writes its numbers.
    public enum NumberFormat: Sendable, Hashable {
        /// Integers as integers, other values with 4 significant digits.
        case automatic
        /// A fixed number of decimals: `.fixed(3)` writes 0.125.
        case fixed(Int)
        /// The value times 100 with a percent sign: `.percent(1)` writes 0.9123 as 91.2%.
        case percent(Int)
        /// Scientific notation: `.scientific(2)` writes 1.23e-04.
        case scientific(Int)

        /// `value` written in this format; NaN and infinities as "NaN", "∞", "−∞".
        public func format(_ value: Double) -> String {
            guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
            switch self {
            case .automatic:
                if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
                return String(format: "%.4g", value)
            case .fixed(let digits): return String(format: "%.\(digits)f", value)
            case .percent(let digits): return String(format: "%.\(digits)f%%", value * 100)
            case .scientific(let digits): return String(format: "%.\(digits)e", value)
            }
        }
    }
}

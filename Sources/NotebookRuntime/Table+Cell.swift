extension Table {
    /// One table cell: text, a number (formatted by its column), or missing ("—", e.g. a
    /// value the paper does not report).
    public enum Cell: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
                      ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
        case text(String)
        case number(Double)
        case missing

        /// A text cell.
        public init(stringLiteral value: String) { self = .text(value) }
        /// A number cell.
        public init(floatLiteral value: Double) { self = .number(value) }
        /// A number cell.
        public init(integerLiteral value: Int) { self = .number(Double(value)) }
        /// A missing cell.
        public init(nilLiteral: ()) { self = .missing }

        /// A number cell, or a missing one for nil.
        public init(_ value: Double?) { self = value.map(Cell.number) ?? .missing }

        /// The cell as text: numbers by `format`, missing as an em dash.
        public func formatted(_ format: NumberFormat) -> String {
            switch self {
            case .text(let text): text
            case .number(let value): format.format(value)
            case .missing: "—"
            }
        }
    }
}

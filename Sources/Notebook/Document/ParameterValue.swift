/// A parameter's value, typed as the front matter declares it.
public enum ParameterValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)

    /// The type of this value.
    public var type: ParameterType {
        switch self {
        case .int: .int
        case .double: .double
        case .bool: .bool
        case .string: .string
        }
    }

    /// The value as a user would type it after `-P name=`.
    public var description: String {
        switch self {
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): String(value)
        case .string(let value): value
        }
    }

    /// Parses `text` as a value of `type`: integers in decimal, doubles in Swift's syntax,
    /// booleans as true/false/yes/no, strings verbatim. Returns nil when `text` does not parse.
    public init?(parsing text: String, as type: ParameterType) {
        switch type {
        case .int:
            guard let value = Int(text) else { return nil }
            self = .int(value)
        case .double:
            guard let value = Double(text), value.isFinite else { return nil }
            self = .double(value)
        case .bool:
            switch text.lowercased() {
            case "true", "yes": self = .bool(true)
            case "false", "no": self = .bool(false)
            default: return nil
            }
        case .string:
            self = .string(text)
        }
    }
}

extension ParameterValue {
    /// The value as a Swift literal, for the generated program (`3`, `0.1`, `true`, `"quick"`).
    public var swiftLiteral: String {
        switch self {
        case .int(let value): String(value)
        case .double(let value): "\(value)"
        case .bool(let value): String(value)
        case .string(let value):
            "\"" + value.unicodeScalars.map { scalar in
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\t": "\\t"
                case "\r": "\\r"
                default: String(scalar)
                }
            }.joined() + "\""
        }
    }
}

/// The type of a notebook parameter, declared in the front matter or inferred from its default.
public enum ParameterType: String, Sendable, Codable, CaseIterable {
    case int, double, bool, string

    /// The Swift type the generated program declares the parameter with.
    public var swiftTypeName: String {
        switch self {
        case .int: "Int"
        case .double: "Double"
        case .bool: "Bool"
        case .string: "String"
        }
    }
}

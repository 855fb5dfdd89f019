/// A parameter's name and the value one render uses (the default or a `-P` override).
public struct ParameterBinding: Sendable, Hashable, Codable {
    /// The parameter's name.
    public var name: String
    /// The value used.
    public var value: ParameterValue
    /// Whether the value came from the command line rather than the default.
    public var isOverridden: Bool

    /// A binding of `name` to `value`.
    public init(name: String, value: ParameterValue, isOverridden: Bool) {
        self.name = name
        self.value = value
        self.isOverridden = isOverridden
    }
}

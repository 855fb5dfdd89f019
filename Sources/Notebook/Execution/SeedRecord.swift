/// A named seed a cell asked for, listed in the reproducibility block.
public struct SeedRecord: Sendable, Hashable, Codable {
    /// The name passed to `seed(_:)`.
    public var name: String
    /// The value returned.
    public var value: UInt64

    /// The seed `value` named `name`.
    public init(name: String, value: UInt64) {
        self.name = name
        self.value = value
    }
}

/// An artifact-cache lookup made by a cell: whether `cached(name, key:)` found a stored value.
public struct ArtifactRecord: Sendable, Hashable, Codable {
    /// The artifact's name.
    public var name: String
    /// The hash of its key.
    public var key: String
    /// Whether the value came from the cache.
    public var hit: Bool

    /// A lookup of `name` with key hash `key`.
    public init(name: String, key: String, hit: Bool) {
        self.name = name
        self.key = key
        self.hit = hit
    }
}

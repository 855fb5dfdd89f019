/// A declared input file and its SHA-256, recorded in the cache key and the report.
public struct InputChecksum: Sendable, Hashable, Codable {
    /// The path as declared in the front matter (a data file read by the program: its absolute path).
    public var path: String
    /// Hex SHA-256 of its contents.
    public var sha256: String

    /// The checksum `sha256` of `path`.
    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

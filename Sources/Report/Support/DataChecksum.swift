/// One line of data/CHECKSUMS (`sha256sum` format: `<hex>  <path>`), with whether the file
/// on disk still matches.
public struct DataChecksum: Sendable, Hashable {
    /// The path as listed, relative to data/.
    public var path: String
    /// The listed SHA-256.
    public var sha256: String
    /// Whether the file exists and hashes to `sha256` (nil when not checked: the file is absent).
    public var matches: Bool?
}

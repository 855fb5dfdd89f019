import Checksums
import Foundation

/// A reproducible seed named `name`, derived from the notebook's base seed (front matter
/// `seed`): the first 8 bytes of SHA-256("<base seed>/<name>"), big-endian. The report lists
/// every seed a notebook asked for.
///
/// - Parameter name: what the seed is for, e.g. "init" or "attack" (default "default").
public func seed(_ name: String = "default") -> UInt64 {
    let session = NotebookSession.shared
    let digest = SHA256.hex(of: "\(session.baseSeed)/\(name)")
    let value = UInt64(digest.prefix(16), radix: 16) ?? 0
    session.send(.seed(name: name, value: value))
    return value
}

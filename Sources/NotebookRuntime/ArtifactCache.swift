import Checksums
import Foundation
import NotebookWire

/// Returns the value stored under `name` for `key`, computing and storing it when absent:
/// `cached("model", key: config) { train(config) }` keeps a trained model across renders.
///
/// The key is encoded as key-sorted JSON and hashed with SHA-256 together with `name`; the
/// value is stored as JSON in `<artifact cache>/<name>-<hash>.json`, written to a temporary
/// file and renamed, so an interrupted render never leaves a torn file. `margin render
/// --fresh` recomputes (and stores) every value once: a value it stored is read back by later
/// calls in the same run.
///
/// - Parameters:
///   - name: the artifact's name (letters, digits, `-`, `_`).
///   - key: everything the value depends on (configuration, data checksums, seeds).
///   - compute: computes the value when it is not cached.
public func cached<Key: Encodable, Value: Codable>(_ name: String, key: Key,
                                                   compute: () throws -> Value) throws -> Value {
    let url = try artifactURL(name: name, key: key, fileExtension: "json")
    let session = NotebookSession.shared
    if session.mayReuseArtifact(at: url), let data = try? Data(contentsOf: url),
       let value = try? JSONDecoder().decode(Value.self, from: data) {
        session.send(.artifact(name: name, key: url.deletingPathExtension().lastPathComponent, hit: true))
        return value
    }
    let value = try compute()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try AtomicFile.write(try encoder.encode(value), to: url)
    session.artifactStored(at: url)
    session.send(.artifact(name: name, key: url.deletingPathExtension().lastPathComponent, hit: false))
    return value
}

/// Returns the path of a file artifact (a checkpoint, a results file) stored under `name`
/// for `key`, calling `write` with a temporary path to create it when absent; the file is
/// renamed into place only after `write` returns.
///
/// - Parameters:
///   - name: the artifact's name.
///   - key: everything the file depends on.
///   - fileExtension: the file's extension, e.g. "safetensors".
///   - write: writes the file at the given URL.
public func cachedFile<Key: Encodable>(_ name: String, key: Key, fileExtension: String,
                                       write: (URL) throws -> Void) throws -> URL {
    let url = try artifactURL(name: name, key: key, fileExtension: fileExtension)
    let session = NotebookSession.shared
    let artifactKey = url.deletingPathExtension().lastPathComponent
    if session.mayReuseArtifact(at: url), FileManager.default.fileExists(atPath: url.path) {
        session.send(.artifact(name: name, key: artifactKey, hit: true))
        return url
    }
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(artifactKey).\(getpid()).\(fileExtension)")
    try write(temporary)
    guard rename(temporary.path, url.path) == 0 else {
        throw NotebookError(.environment, "cannot store artifact \(name) at \(url.path): \(String(cString: strerror(errno)))")
    }
    session.artifactStored(at: url)
    session.send(.artifact(name: name, key: artifactKey, hit: false))
    return url
}

/// `<artifact cache>/<name>-<first 16 hex digits of SHA-256(name, key JSON)>.<extension>`.
private func artifactURL<Key: Encodable>(name: String, key: Key, fileExtension: String) throws -> URL {
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
        throw NotebookError(.invalidNotebook, "artifact name `\(name)` must use only letters, digits, - and _")
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let keyJSON = String(decoding: try encoder.encode(key), as: UTF8.self)
    let hash = SHA256.hex(of: name + "\0" + keyJSON).prefix(16)
    let directory = NotebookSession.shared.artifactDirectory
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent("\(name)-\(hash).\(fileExtension)")
}

import Foundation
import Notebook

/// Facts about where a report came from, for its reproducibility block: the git commit and
/// whether the work tree had uncommitted changes, the library version, and the checksums of
/// the shipped data (data/CHECKSUMS, verified for the notebook's declared inputs).
public struct Provenance: Sendable, Hashable {
    /// `git rev-parse HEAD` of the package, or nil outside git.
    public var commit: String?
    /// Whether `git status --porcelain` listed changes.
    public var isDirty: Bool
    /// The library's source fingerprint (first 12 hex digits) and commit description.
    public var libraryVersion: String
    /// data/CHECKSUMS entries.
    public var dataChecksums: [DataChecksum]
    /// When the report was woven.
    public var date: Date

    /// Provenance with explicit fields.
    public init(commit: String?, isDirty: Bool, libraryVersion: String, dataChecksums: [DataChecksum], date: Date) {
        self.commit = commit
        self.isDirty = isDirty
        self.libraryVersion = libraryVersion
        self.dataChecksums = dataChecksums
        self.date = date
    }

    /// Collects provenance for a record produced with the library in `library`. Data files
    /// are checked only when they are among the declared `inputs` or the data files the program
    /// read (`dataFiles`), whose checksums the record holds (re-hashing large data on every
    /// render would be slow); other entries are listed as recorded.
    public static func collect(library: LibraryLocation, record: ExecutionRecord) -> Provenance {
        let package = library.packageDirectory
        let head = try? Subprocess.run("git", ["-C", package.path, "rev-parse", "HEAD"])
        let status = try? Subprocess.run("git", ["-C", package.path, "status", "--porcelain", "--untracked-files=no"])
        let commit = head?.succeeded == true ? head?.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil
        let checksumFile = package.appendingPathComponent("data/CHECKSUMS")
        let lines = ((try? String(contentsOf: checksumFile, encoding: .utf8)) ?? "").split(separator: "\n")
        let checksums = lines.compactMap { line -> DataChecksum? in
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0].count == 64 else { return nil }
            let path = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " *"))
            let input = (record.inputs + record.dataFiles).first { $0.path.hasSuffix(path) }
            return DataChecksum(path: path, sha256: String(parts[0]), matches: input.map { $0.sha256 == parts[0] })
        }
        let version = "sources sha256 \(record.libraryFingerprint.prefix(12))"
            + (commit.map { " at commit \($0.prefix(10))" } ?? "")
        return Provenance(commit: commit, isDirty: status.map { !$0.output.isEmpty } ?? false,
                          libraryVersion: version, dataChecksums: checksums, date: Date())
    }
}

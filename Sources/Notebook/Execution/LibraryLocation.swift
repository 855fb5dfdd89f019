import Checksums
import Foundation
import NotebookWire

/// Where the Margin package and its compiled shared library (`libMargin.so` and the
/// `.swiftmodule` files of its modules) are, so a notebook program can link against it
/// instead of rebuilding the library.
///
/// The package folder comes from `--package-dir`, `$MARGIN_PACKAGE_DIR`, or the nearest
/// folder above the notebook (then above the working directory) whose Package.swift names
/// Margin. The library folder comes from `--library-dir`, `$MARGIN_LIBRARY_DIR`, or
/// `<package>/.build/release`, which `swift build -c release --product Margin` fills.
public struct LibraryLocation: Sendable, Hashable {
    /// The package root (holds Package.swift and Sources/).
    public var packageDirectory: URL
    /// The folder holding libMargin.so and Modules/.
    public var libraryDirectory: URL
    /// Whether the library folder is the package's default release folder, which
    /// `build(log:)` can (re)build.
    public var isDefaultLibraryDirectory: Bool

    /// The command that builds the default library.
    public static let buildCommand = ["swift", "build", "-c", "release", "--product", "Margin"]

    /// A location with explicit folders.
    public init(packageDirectory: URL, libraryDirectory: URL? = nil) {
        self.packageDirectory = packageDirectory.standardizedFileURL
        let defaultDirectory = packageDirectory.appendingPathComponent(".build/release").standardizedFileURL
        self.libraryDirectory = libraryDirectory?.standardizedFileURL ?? defaultDirectory
        self.isDefaultLibraryDirectory = libraryDirectory == nil || self.libraryDirectory == defaultDirectory
    }

    /// Finds the package and library as described above; `notebookDirectory` is searched
    /// upwards first.
    public static func discover(packageDirectory: String? = nil, libraryDirectory: String? = nil,
                                notebookDirectory: URL) throws -> LibraryLocation {
        let environment = ProcessInfo.processInfo.environment
        let library = (libraryDirectory ?? environment["MARGIN_LIBRARY_DIR"]).map { URL(fileURLWithPath: $0) }
        if let explicit = packageDirectory ?? environment["MARGIN_PACKAGE_DIR"] {
            let url = URL(fileURLWithPath: explicit)
            guard isMarginPackage(url) else {
                throw NotebookError(.environment, "\(explicit) is not the Margin package (no Package.swift naming Margin)")
            }
            return LibraryLocation(packageDirectory: url, libraryDirectory: library)
        }
        let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for start in [notebookDirectory, workingDirectory] {
            var folder = start.standardizedFileURL
            while true {
                if isMarginPackage(folder) { return LibraryLocation(packageDirectory: folder, libraryDirectory: library) }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw NotebookError(.environment, "cannot find the Margin package above \(notebookDirectory.path)",
                            hint: "run margin inside the Margin checkout, or pass --package-dir (or set MARGIN_PACKAGE_DIR)")
    }

    private static func isMarginPackage(_ folder: URL) -> Bool {
        guard let manifest = try? String(contentsOf: folder.appendingPathComponent("Package.swift"), encoding: .utf8) else {
            return false
        }
        return manifest.contains("name: \"Margin\"")
    }

    /// The shared library file.
    public var libraryFile: URL { libraryDirectory.appendingPathComponent("libMargin.so") }

    /// The files the library is built from, sorted by path: the package manifest and the
    /// folders under Sources/ of the modules linked into libMargin.so (read from SwiftPM's
    /// `Margin.product/Objects.LinkFileList`; every folder when that list is missing), so
    /// that editing the report writer or the CLI does not invalidate notebook caches.
    public func sourceFiles() -> [URL] {
        let sources = packageDirectory.appendingPathComponent("Sources")
        let fileManager = FileManager.default
        let linkList = libraryDirectory.appendingPathComponent("Margin.product/Objects.LinkFileList")
        let linkedModules = ((try? String(contentsOf: linkList, encoding: .utf8)) ?? "").split(separator: "\n")
            .compactMap { line in line.split(separator: "/").last { $0.hasSuffix(".build") && $0 != ".build" }?.dropLast(".build".count) }
            .map(String.init)
        let folders = linkedModules.isEmpty
            ? ((try? fileManager.contentsOfDirectory(atPath: sources.path)) ?? [])
            : Array(Set(linkedModules))
        var files = [packageDirectory.appendingPathComponent("Package.swift")]
        for folder in folders {
            let enumerator = fileManager.enumerator(at: sources.appendingPathComponent(folder), includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url) }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Whether the library is missing or older than a file it is compiled from (Swift, C
    /// headers, module maps under Sources/; the build system relinks it after those change).
    /// Package.swift is left out: SwiftPM relinks the library only when a module in it
    /// changes, so an edit of the manifest alone (a test target's dependencies, say) would
    /// leave the library stale for good; the manifest still enters `fingerprint()`.
    public func isStale() -> Bool {
        guard let built = modificationDate(libraryFile) else { return true }
        let compiled: Set<String> = ["swift", "h", "c", "modulemap"]
        let manifest = packageDirectory.appendingPathComponent("Package.swift")
        return sourceFiles().contains { file in
            file != manifest && compiled.contains(file.pathExtension) && (modificationDate(file) ?? .distantFuture) > built
        }
    }

    private func modificationDate(_ url: URL) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }

    /// SHA-256 over the relative path and contents of every source file: the library part
    /// of every cache key.
    public func fingerprint() throws -> String {
        var hasher = SHA256()
        let root = packageDirectory.path + "/"
        for file in sourceFiles() {
            hasher.update(file.path.replacingOccurrences(of: root, with: "") + "\0")
            hasher.update(try Data(contentsOf: file))
        }
        return hasher.finalize()
    }

    /// Builds the library with `swift build -c release --product Margin` in the package,
    /// or explains why it cannot when the library folder is not the default one.
    public func build(log: BuildLog) throws {
        guard isDefaultLibraryDirectory else {
            throw NotebookError(.environment, "the library in \(libraryDirectory.path) is missing or older than the sources",
                                hint: "rebuild it, or drop --library-dir to use \(packageDirectory.path)/.build/release")
        }
        log.append("build-library", LibraryLocation.buildCommand.joined(separator: " "))
        let result = try Subprocess.run(LibraryLocation.buildCommand[0], Array(LibraryLocation.buildCommand.dropFirst()),
                                        in: packageDirectory)
        guard result.succeeded, FileManager.default.fileExists(atPath: libraryFile.path) else {
            throw NotebookError(.environment, "building the Margin library failed",
                                hint: "run `\(LibraryLocation.buildCommand.joined(separator: " "))` in \(packageDirectory.path) to see why",
                                detail: String(result.output.suffix(4000)))
        }
    }

    /// The C modules of package dependencies (swift-numerics' `_NumericsShims`, ...), which
    /// importers of the library's Swift modules must also see:
    /// `.build/checkouts/<package>/Sources/<target>/include` holding a module.modulemap.
    private func dependencyModuleMapFolders() -> [URL] {
        let fileManager = FileManager.default
        let checkouts = packageDirectory.appendingPathComponent(".build/checkouts")
        return ((try? fileManager.contentsOfDirectory(atPath: checkouts.path)) ?? []).sorted().flatMap { package in
            let sources = checkouts.appendingPathComponent(package).appendingPathComponent("Sources")
            return ((try? fileManager.contentsOfDirectory(atPath: sources.path)) ?? []).sorted().map {
                sources.appendingPathComponent($0).appendingPathComponent("include")
            }
        }.filter { fileManager.fileExists(atPath: $0.appendingPathComponent("module.modulemap").path) }
    }

    /// The pkg-config packages behind the library's C module maps (CBLAS, CZlib, CCairo, CCmark).
    static let systemPackages = ["openblas", "zlib", "pangocairo", "libcmark-gfm"]

    /// Compiler flags that let a program import the library's modules and link it:
    /// module search paths (Swift modules and C module maps), the C headers' include
    /// folders (from pkg-config), `-lMargin` and an rpath.
    public func compilerFlags() -> [String] {
        var flags = ["-I", libraryDirectory.appendingPathComponent("Modules").path,
                     "-L", libraryDirectory.path, "-lMargin",
                     "-Xlinker", "-rpath", "-Xlinker", libraryDirectory.path]
        let fileManager = FileManager.default
        let moduleMapFolders = [packageDirectory.appendingPathComponent("Sources"), libraryDirectory]
            .flatMap { folder in
                ((try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
                    .map { folder.appendingPathComponent($0) }
            }
            .filter { fileManager.fileExists(atPath: $0.appendingPathComponent("module.modulemap").path) }
        for folder in moduleMapFolders + dependencyModuleMapFolders() { flags += ["-I", folder.path] }
        if let headers = try? Subprocess.run("pkg-config", ["--cflags-only-I"] + Self.systemPackages), headers.succeeded {
            for include in headers.output.split(whereSeparator: \.isWhitespace) where include.hasPrefix("-I") {
                flags += ["-Xcc", String(include)]
            }
        }
        return flags
    }
}

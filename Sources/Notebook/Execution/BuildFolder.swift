import Checksums
import Foundation

/// A notebook's build folder, `<build root>/<name>-<hash of its absolute path>/`:
///
/// - `build.log`: what each render did (`BuildLog`)
/// - `program/main.swift`, `program/main`, `program/key`: the generated program
/// - `run/`: the latest run's channel (`channel.jsonl`) and `capture/cell-N.stdout|stderr`
/// - `record.json`: the last successful `ExecutionRecord` (the result cache)
/// - `artifacts/`: NotebookRuntime's artifact cache
/// - `figures/`: the SVGs of rasterised figures (`FigureRecord.vectorFile`)
/// - `math.json`: the report's cache of rendered math
public struct BuildFolder: Sendable, Hashable {
    /// The folder.
    public var url: URL

    /// The build folder of the notebook at `notebookPath` under `root`.
    public init(root: URL, notebookPath: String) {
        let absolute = URL(fileURLWithPath: notebookPath).standardizedFileURL
        let name = absolute.deletingPathExtension().lastPathComponent
        url = root.appendingPathComponent("\(name)-\(SHA256.hex(of: absolute.path).prefix(8))")
    }

    /// The build log.
    public var log: BuildLog { BuildLog(url: url.appendingPathComponent("build.log")) }
    /// The folder of the generated program.
    public var program: URL { url.appendingPathComponent("program") }
    /// The folder of the latest run.
    public var run: URL { url.appendingPathComponent("run") }
    /// The last successful execution record.
    public var record: URL { url.appendingPathComponent("record.json") }
    /// The artifact cache.
    public var artifacts: URL { url.appendingPathComponent("artifacts") }
    /// The SVGs of the figures the program rasterised.
    public var figures: URL { url.appendingPathComponent("figures") }
    /// The cache of rendered math.
    public var mathCache: URL { url.appendingPathComponent("math.json") }
}

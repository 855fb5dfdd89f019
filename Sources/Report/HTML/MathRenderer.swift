import Foundation
import Notebook
import NotebookWire

/// Renders TeX to MathML at build time with KaTeX (Debian's libjs-katex, run by node), so the
/// HTML report needs no scripts, fonts or network to show math.
///
/// All expressions of a report go to one `node` process; results are cached in a JSON file
/// (keyed by display mode and TeX), so re-weaving an unchanged report does not start node.
public struct MathRenderer: Sendable {
    /// The KaTeX script node loads.
    public var katexScript: String
    /// The cache file, or nil for no cache.
    public var cacheFile: URL?

    /// Where Debian's libjs-katex installs KaTeX.
    public static let debianKatex = "/usr/share/javascript/katex/katex.min.js"

    /// A renderer using `katexScript` and caching in `cacheFile`.
    public init(katexScript: String = MathRenderer.debianKatex, cacheFile: URL? = nil) {
        self.katexScript = katexScript
        self.cacheFile = cacheFile
    }

    /// The result of rendering one expression.
    public enum Rendering: Sendable, Hashable, Codable {
        /// MathML markup (`<math …>…</math>`).
        case mathML(String)
        /// KaTeX's error message for invalid TeX.
        case invalid(String)
    }

    /// Renders every expression, reusing the cache. Throws when KaTeX cannot be run.
    public func render(_ expressions: Set<MathExpression>) throws -> [MathExpression: Rendering] {
        var cache = cacheFile.flatMap { AtomicFile.readJSON([String: Rendering].self, from: $0) } ?? [:]
        let missing = expressions.filter { cache[MathRenderer.cacheKey($0)] == nil }.sorted { $0.tex < $1.tex }
        if !missing.isEmpty {
            let rendered = try runKatex(missing)
            for (expression, rendering) in zip(missing, rendered) { cache[MathRenderer.cacheKey(expression)] = rendering }
            if let cacheFile { try? AtomicFile.writeJSON(cache, to: cacheFile) }
        }
        var result: [MathExpression: Rendering] = [:]
        for expression in expressions { result[expression] = cache[MathRenderer.cacheKey(expression)] }
        return result
    }

    private static func cacheKey(_ expression: MathExpression) -> String {
        (expression.isDisplay ? "display:" : "inline:") + expression.tex
    }

    private func runKatex(_ expressions: [MathExpression]) throws -> [Rendering] {
        let script = """
        const katex = require(\(String(data: try JSONEncoder().encode(katexScript), encoding: .utf8)!));
        let input = '';
        process.stdin.on('data', chunk => input += chunk);
        process.stdin.on('end', () => {
          const results = JSON.parse(input).map(([tex, display]) => {
            try { return {mathML: {_0: katex.renderToString(tex, {displayMode: display, output: 'mathml', throwOnError: true})}}; }
            catch (error) { return {invalid: {_0: String(error.message)}}; }
          });
          process.stdout.write(JSON.stringify(results));
        });
        """
        let request = try JSONSerialization.data(withJSONObject: expressions.map { [$0.tex, $0.isDisplay] as [Any] })
        let result = try Subprocess.run("node", ["-e", script], input: request)
        guard result.succeeded, let renderings = try? JSONDecoder().decode([Rendering].self, from: Data(result.output.utf8)),
              renderings.count == expressions.count else {
            throw NotebookError(.environment, "rendering math with KaTeX failed",
                                hint: "install node and libjs-katex (apt-get install nodejs libjs-katex)",
                                detail: String(result.output.prefix(2000)))
        }
        return renderings
    }
}

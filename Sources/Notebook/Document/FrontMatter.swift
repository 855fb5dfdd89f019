/// The YAML block between `---` lines at the top of a notebook.
///
/// ```yaml
/// ---
/// title: Alignment and robustness
/// authors: [Ada Lovelace, Alan Turing]     # or `author: One Name`
/// date: 2026-11-22
/// abstract: One paragraph.
/// seed: 42                                 # base of `seed("name")` in cells, default 0
/// timeout: 600                             # seconds per cell, default 600
/// inputs: [data/iris.csv]                  # files whose contents key the cache
/// params: {epochs: 3, profile: quick}
/// ---
/// ```
public struct FrontMatter: Sendable, Hashable, Codable {
    /// The report's title; the notebook's file name when absent.
    public var title: String?
    /// A line under the title.
    public var subtitle: String?
    /// Authors in order.
    public var authors: [String]
    /// The date line, as written.
    public var date: String?
    /// The abstract, Markdown.
    public var abstract: String?
    /// The base seed from which `seed(_:)` derives named seeds.
    public var seed: UInt64
    /// Default time limit per cell, in seconds.
    public var cellTimeout: Double
    /// Files (relative to the notebook, or absolute) whose contents are part of the cache key.
    public var inputs: [String]
    /// Declared parameters in order.
    public var parameters: [ParameterDeclaration]

    /// The default cell time limit when the front matter sets none: 600 s.
    public static let defaultCellTimeout: Double = 600

    /// Front matter with the given fields; everything defaults to absent or empty.
    public init(title: String? = nil, subtitle: String? = nil, authors: [String] = [],
                date: String? = nil, abstract: String? = nil, seed: UInt64 = 0,
                cellTimeout: Double = FrontMatter.defaultCellTimeout, inputs: [String] = [],
                parameters: [ParameterDeclaration] = []) {
        self.title = title
        self.subtitle = subtitle
        self.authors = authors
        self.date = date
        self.abstract = abstract
        self.seed = seed
        self.cellTimeout = cellTimeout
        self.inputs = inputs
        self.parameters = parameters
    }
}

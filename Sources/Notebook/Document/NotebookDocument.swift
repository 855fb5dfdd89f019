import Foundation

/// A parsed notebook: front matter, then prose and Swift cells in order.
public struct NotebookDocument: Sendable, Hashable {
    /// The notebook file as given (used in messages and `#sourceLocation`).
    public var path: String
    /// The front matter (all defaults when the notebook has none).
    public var frontMatter: FrontMatter
    /// Prose and cells in document order.
    public var blocks: [NotebookBlock]

    /// A notebook with the given parts.
    public init(path: String, frontMatter: FrontMatter, blocks: [NotebookBlock]) {
        self.path = path
        self.frontMatter = frontMatter
        self.blocks = blocks
    }

    /// The Swift cells in order.
    public var cells: [CodeCell] {
        blocks.compactMap { block in
            if case .cell(let cell) = block { return cell }
            return nil
        }
    }

    /// The notebook's name: its file name without `.md`, used for report folders.
    public var name: String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// The title from the front matter, or the notebook's name.
    public var title: String { frontMatter.title ?? name }

    /// The absolute URL of the notebook's folder, against which `inputs` are resolved.
    public var directory: URL {
        URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
    }
}

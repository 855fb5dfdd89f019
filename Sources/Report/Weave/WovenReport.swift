import Foundation
import Foundation
import Notebook

/// A notebook joined with its execution record: prose and cells in order, figures and
/// tables numbered, cross-references resolved, headings given unique anchors. The HTML and
/// PDF writers both read this.
///
/// Every figure and table is numbered per kind in document order; a cell labelled `fig-x`
/// (or `tbl-x`) gives its label to its first figure (table) so `@fig-x` links to it, and its
/// `caption` option captions that output when the output carries no caption of its own.
public struct WovenReport: Sendable {
    /// The notebook.
    public var document: NotebookDocument
    /// Its execution record.
    public var record: ExecutionRecord
    /// Whether the record came from the cache.
    public var isReused: Bool
    /// Blocks in document order.
    public var blocks: [WovenBlock]
    /// Headings in document order, with anchors.
    public var headings: [Heading]
    /// Cross-reference targets by label (`fig-x`, `tbl-x`).
    public var references: [String: CrossReference]
    /// The abstract, parsed.
    public var abstract: MarkdownNode?
    /// Provenance for the reproducibility block.
    public var provenance: Provenance
    /// The files to write beside the report, which it links to: whole printed outputs of
    /// cells whose output it shortens, SVGs of figures it shows as PNG.
    public var attachments: [ReportAttachment]

    /// Where a report's attachments go, relative to its folder: beside a good report, or
    /// under `failed/` for a failure report (so the good report's files stay as they are).
    public static func attachmentFolder(failed: Bool) -> String { failed ? "failed/" : "" }

    /// Weaves `document` with `record`.
    public init(document: NotebookDocument, record: ExecutionRecord, isReused: Bool, provenance: Provenance) {
        self.document = document
        self.record = record
        self.isReused = isReused
        self.provenance = provenance
        let attachmentFolder = WovenReport.attachmentFolder(failed: record.failure != nil)
        var attachments: [ReportAttachment] = []
        abstract = document.frontMatter.abstract.map { MarkdownParser.parse($0) }
        var counts: [CrossReference.Kind: Int] = [:]
        var references: [String: CrossReference] = [:]
        func number(_ kind: CrossReference.Kind, cell: CodeCell, isFirst: Bool) -> CrossReference {
            counts[kind, default: 0] += 1
            let number = counts[kind]!
            let prefix = kind == .figure ? "fig-" : "tbl-"
            if isFirst, let label = cell.options.label, label.hasPrefix(prefix) {
                let reference = CrossReference(kind: kind, number: number, anchor: label)
                references[label] = reference
                return reference
            }
            return CrossReference(kind: kind, number: number, anchor: "\(prefix)\(number)")
        }
        blocks = document.blocks.map { block in
            switch block {
            case .prose(let prose):
                return .prose(prose.document)
            case .cell(let cell):
                let result = record.result(ofCell: cell.index)
                guard cell.options.output != .hide, let result else { return .cell(cell, result, []) }
                let caption = cell.options.caption.map { MarkdownParser.parse($0) }
                var seenFigure = false, seenTable = false, printedPiece = 0
                let printed = result.outputs.compactMap { output -> String? in
                    if case .text(let text) = output { text } else { nil }
                }
                let excerpt = cell.options.output == .asis ? nil
                    : OutputExcerpt(printed, file: "\(attachmentFolder)output/\(cell.anchor).txt")
                if let excerpt { attachments.append(ReportAttachment(path: excerpt.omitted.file, contents: .text(excerpt.whole))) }
                var outputs: [WovenOutput] = []
                for output in result.outputs {
                    switch output {
                    case .text(let text):
                        if cell.options.output == .asis {
                            outputs.append(.markdown(MarkdownParser.parse(text)))
                        } else {
                            outputs += excerpt?.shown(piece: printedPiece) ?? [.text(text)]
                        }
                        printedPiece += 1
                    case .errorText(let text): outputs.append(.errorText(text))
                    case .markdown(let text): outputs.append(.markdown(MarkdownParser.parse(text)))
                    case .figure(let figure):
                        let reference = number(.figure, cell: cell, isFirst: !seenFigure)
                        let vectorFile = figure.vectorFile.map { source in
                            let path = "\(attachmentFolder)figures/\(reference.anchor).svg"
                            attachments.append(ReportAttachment(path: path, contents: .copy(URL(fileURLWithPath: source))))
                            return path
                        }
                        outputs.append(.figure(figure, reference, caption: figure.caption.map { MarkdownParser.parse($0) }
                                               ?? (seenFigure ? nil : caption), vectorFile: vectorFile))
                        seenFigure = true
                    case .table(let table):
                        let reference = number(.table, cell: cell, isFirst: !seenTable)
                        outputs.append(.table(table, reference, caption: table.caption.map { MarkdownParser.parse($0) }
                                              ?? (seenTable ? nil : caption)))
                        seenTable = true
                    }
                }
                return .cell(cell, result, outputs)
            }
        }
        self.references = references
        self.attachments = attachments
        var anchors = Set<String>()
        var headings: [Heading] = []
        func collect(_ node: MarkdownNode) {
            if case .heading(let level) = node.kind {
                let slug = WovenReport.slug(node.plainText)
                var anchor = slug, suffix = 2
                while anchors.contains(anchor) || references[anchor] != nil {
                    anchor = "\(slug)-\(suffix)"
                    suffix += 1
                }
                anchors.insert(anchor)
                headings.append(Heading(level: level, text: node.plainText, anchor: anchor))
            }
            node.children.forEach(collect)
        }
        for block in blocks {
            switch block {
            case .prose(let node): collect(node)
            case .cell(_, _, let outputs):
                for case .markdown(let node) in outputs { collect(node) }
            }
        }
        self.headings = headings
    }

    /// A URL-safe anchor for `text`: lowercase letters and digits joined by dashes.
    static func slug(_ text: String) -> String {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }
        let slug = words.joined(separator: "-").filter { $0.isASCII }
        return slug.isEmpty || !(slug.first?.isLetter ?? false) ? "section-" + slug : slug
    }

    /// Labels referenced in prose or outputs that no figure or table carries.
    public var unresolvedReferences: [String] {
        var missing: [String] = []
        for root in markdownRoots {
            root.forEachNode { node in
                if case .crossReference(let label) = node.kind, references[label] == nil, !missing.contains(label) {
                    missing.append(label)
                }
            }
        }
        return missing
    }

    /// Every Markdown tree the report shows: the abstract, prose, Markdown outputs and captions.
    var markdownRoots: [MarkdownNode] {
        var roots = abstract.map { [$0] } ?? []
        for block in blocks {
            switch block {
            case .prose(let node): roots.append(node)
            case .cell(_, _, let outputs):
                for output in outputs {
                    switch output {
                    case .markdown(let node): roots.append(node)
                    case .figure(_, _, let caption?, _), .table(_, _, let caption?): roots.append(caption)
                    default: break
                    }
                }
            }
        }
        return roots
    }
}

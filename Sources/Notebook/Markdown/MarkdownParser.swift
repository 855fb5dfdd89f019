import CCmark
import Foundation

/// Parses Markdown with cmark-gfm (CommonMark plus the GFM table, strikethrough, autolink
/// and task-list extensions) into a `MarkdownNode` tree, with `$…$` math and `@fig-x`
/// references as their own nodes.
public enum MarkdownParser {
    /// Parses `source`, whose first line is notebook line `firstLine` (for node lines).
    public static func parse(_ source: String, firstLine: Int = 1) -> MarkdownNode {
        let scanner = ProseScanner(source)
        return withDocument(scanner.text) { document in
            convert(document, tokens: scanner.tokens, lineOffset: firstLine - 1)
        }
    }

    /// Runs `body` on the cmark document of `source` and frees it afterwards.
    static func withDocument<Result>(_ source: String, _ body: (OpaquePointer) -> Result) -> Result {
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        var bytes = Array(source.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_parser_feed(parser, pointer, buffer.count)
            }
        }
        let document = cmark_parser_finish(parser)!
        defer { cmark_node_free(document) }
        return body(document)
    }

    /// The children of a cmark node.
    static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func convert(_ node: OpaquePointer, tokens: [ProseScanner.Token], lineOffset: Int) -> MarkdownNode {
        let line = Int(cmark_node_get_start_line(node)) + lineOffset
        let childNodes = children(of: node).flatMap { child -> [MarkdownNode] in
            if string(cmark_node_get_type_string(child)) == "text" {
                return expandPlaceholders(string(cmark_node_get_literal(child)), tokens: tokens)
            }
            return [convert(child, tokens: tokens, lineOffset: lineOffset)]
        }
        let kind: MarkdownNode.Kind
        switch string(cmark_node_get_type_string(node)) {
        case "document": kind = .document
        case "paragraph": kind = .paragraph
        case "heading": kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case "block_quote": kind = .blockQuote
        case "list":
            kind = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
        case "item": kind = .item(checked: nil)
        case "tasklist": kind = .item(checked: cmark_gfm_extensions_get_tasklist_item_checked(node))
        case "code_block":
            let info = string(cmark_node_get_fence_info(node))
            let code = restorePlaceholders(string(cmark_node_get_literal(node)), tokens: tokens)
            kind = .codeBlock(language: info.split(separator: " ").first.map(String.init) ?? "", code: code)
        case "html_block": kind = .htmlBlock(restorePlaceholders(string(cmark_node_get_literal(node)), tokens: tokens))
        case "thematic_break": kind = .thematicBreak
        case "table":
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            let alignments = cmark_gfm_extensions_get_table_alignments(node)
            kind = .table(alignments: (0..<columns).map { column in
                switch alignments?[column] {
                case UInt8(ascii: "l"): .left
                case UInt8(ascii: "c"): .center
                case UInt8(ascii: "r"): .right
                default: nil
                }
            })
        case "table_header": kind = .tableRow(isHeader: true)
        case "table_row": kind = .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case "table_cell": kind = .tableCell
        case "softbreak": kind = .softBreak
        case "linebreak": kind = .lineBreak
        case "code": kind = .code(restorePlaceholders(string(cmark_node_get_literal(node)), tokens: tokens))
        case "emph": kind = .emphasis
        case "strong": kind = .strong
        case "strikethrough": kind = .strikethrough
        case "link": kind = .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case "image": kind = .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case "html_inline": kind = .inlineHTML(restorePlaceholders(string(cmark_node_get_literal(node)), tokens: tokens))
        default: kind = .text(string(cmark_node_get_literal(node)))
        }
        return MarkdownNode(kind, children: childNodes, line: line)
    }

    /// Splits a text literal at placeholders into text, math and reference nodes.
    private static func expandPlaceholders(_ text: String, tokens: [ProseScanner.Token]) -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: ProseScanner.opening),
              let close = rest[open...].firstIndex(of: ProseScanner.closing),
              let number = Int(rest[rest.index(after: open)..<close]), number < tokens.count {
            if open > rest.startIndex { nodes.append(MarkdownNode(.text(String(rest[..<open])))) }
            switch tokens[number] {
            case .math(let expression): nodes.append(MarkdownNode(.math(expression)))
            case .reference(let label): nodes.append(MarkdownNode(.crossReference(label: label)))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { nodes.append(MarkdownNode(.text(String(rest)))) }
        return nodes
    }

    /// Puts the original source back where a placeholder landed in code or raw HTML.
    private static func restorePlaceholders(_ text: String, tokens: [ProseScanner.Token]) -> String {
        expandPlaceholders(text, tokens: tokens).map { node in
            switch node.kind {
            case .math(let expression): expression.isDisplay ? "$$\(expression.tex)$$" : "$\(expression.tex)$"
            case .crossReference(let label): "@" + label
            default: node.plainText
            }
        }.joined()
    }
}

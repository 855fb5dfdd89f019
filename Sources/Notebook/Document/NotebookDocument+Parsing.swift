import CCmark
import Foundation
import NotebookWire

extension NotebookDocument {
    /// Reads and parses the notebook at `path`.
    public init(contentsOfFile path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw NotebookError(.environment, "cannot read notebook \(path): \(error.localizedDescription)")
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw NotebookError(.invalidNotebook, at: SourceLocation(file: path, line: 1), "the notebook is not UTF-8 text")
        }
        try self.init(source: source, path: path)
    }

    /// Parses notebook `source`, named `path` in messages. Swift cells are top-level fenced
    /// code blocks whose info string is `swift` or `{swift}`; other fences stay prose.
    public init(source: String, path: String) throws {
        let lines = source.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var bodyStart = 0
        var frontMatter = FrontMatter()
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
            guard let end = lines.indices.dropFirst().first(where: {
                ["---", "..."].contains(lines[$0].trimmingCharacters(in: .whitespaces))
            }) else {
                throw NotebookError(.invalidNotebook, at: SourceLocation(file: path, line: 1),
                                    "the front matter that starts here is never closed",
                                    hint: "end it with a line containing only ---")
            }
            frontMatter = try FrontMatter(yaml: lines[1..<end].joined(separator: "\n"), file: path, firstLine: 2)
            bodyStart = end + 1
        }
        let body = lines[bodyStart...].joined(separator: "\n")
        let fences = NotebookDocument.swiftFences(in: body, lineOffset: bodyStart)
        var blocks: [NotebookBlock] = []
        var nextProseLine = bodyStart + 1
        func appendProse(upTo line: Int) {
            let text = lines[(nextProseLine - 1)..<max(nextProseLine - 1, line - 1)].joined(separator: "\n")
            if !text.allSatisfy(\.isWhitespace) {
                blocks.append(.prose(ProseBlock(markdown: text, firstLine: nextProseLine)))
            }
        }
        var labels: [String: SourceLocation] = [:]
        for (index, fence) in fences.enumerated() {
            appendProse(upTo: fence.startLine)
            let cell = try NotebookDocument.cell(index: index, fence: fence, path: path)
            if let label = cell.options.label {
                if let previous = labels[label] {
                    throw NotebookError(.invalidNotebook, at: cell.fenceLocation,
                                        "label `\(label)` is already used by the cell at \(previous)",
                                        hint: "labels must be unique in a notebook")
                }
                labels[label] = cell.fenceLocation
            }
            blocks.append(.cell(cell))
            nextProseLine = fence.endLine + 1
        }
        appendProse(upTo: lines.count + 1)
        self.init(path: path, frontMatter: frontMatter, blocks: blocks)
    }

    /// A top-level Swift fence found by cmark: its first and last lines (the fences) and code.
    private struct Fence {
        let startLine: Int
        let endLine: Int
        let code: String
    }

    private static func swiftFences(in body: String, lineOffset: Int) -> [Fence] {
        MarkdownParser.withDocument(body) { document in
            MarkdownParser.children(of: document).compactMap { node -> Fence? in
                var length: Int32 = 0, offset: Int32 = 0
                var character: CChar = 0
                guard String(cString: cmark_node_get_type_string(node)) == "code_block",
                      cmark_node_get_fenced(node, &length, &offset, &character) != 0 else { return nil }
                let info = String(cString: cmark_node_get_fence_info(node)).trimmingCharacters(in: .whitespaces)
                let language = info.split(separator: " ").first.map(String.init) ?? ""
                guard language == "swift" || language == "{swift}" else { return nil }
                return Fence(startLine: Int(cmark_node_get_start_line(node)) + lineOffset,
                             endLine: Int(cmark_node_get_end_line(node)) + lineOffset,
                             code: String(cString: cmark_node_get_literal(node)))
            }
        }
    }

    private static func cell(index: Int, fence: Fence, path: String) throws -> CodeCell {
        let codeLines = fence.code.hasSuffix("\n") ? String(fence.code.dropLast()) : fence.code
        let lines = codeLines.split(separator: "\n", omittingEmptySubsequences: false)
        let optionLines = lines.prefix { $0.trimmingCharacters(in: .whitespaces).hasPrefix("//|") }
        let yaml = optionLines.map { line -> String in
            let afterMarker = line.trimmingCharacters(in: .whitespaces).dropFirst(3)
            return String(afterMarker.first == " " ? afterMarker.dropFirst() : afterMarker)
        }.joined(separator: "\n")
        let options = try CellOptions(yaml: yaml, file: path, firstLine: fence.startLine + 1)
        return CodeCell(index: index, code: codeLines,
                        displayCode: lines.dropFirst(optionLines.count).joined(separator: "\n"),
                        options: options, fenceLocation: SourceLocation(file: path, line: fence.startLine),
                        firstCodeLine: fence.startLine + 1,
                        lastCodeLine: fence.startLine + max(lines.count, 1))
    }
}

import Foundation
import NotebookWire

/// Reads the output channel file while the program appends to it: each call returns the
/// records completed since the last call (a line without its newline waits for the next).
final class ChannelReader {
    private let url: URL
    private var offset: UInt64 = 0
    private var partialLine = Data()
    private let decoder = JSONDecoder()

    init(url: URL) { self.url = url }

    /// The records appended since the previous call. A line that is not a record is an
    /// error: only NotebookRuntime writes to the channel.
    func readNew() throws -> [ChannelRecord] {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return [] }
        defer { try? handle.close() }
        try handle.seek(toOffset: offset)
        let data = handle.readDataToEndOfFile()
        offset += UInt64(data.count)
        partialLine.append(data)
        var records: [ChannelRecord] = []
        while let newline = partialLine.firstIndex(of: UInt8(ascii: "\n")) {
            let line = partialLine[partialLine.startIndex..<newline]
            partialLine = Data(partialLine[partialLine.index(after: newline)...])
            do {
                records.append(try decoder.decode(ChannelRecord.self, from: line))
            } catch {
                throw NotebookError(.runtimeError, "the notebook program wrote an unreadable record to its output channel",
                                    hint: "the program and the library must come from the same Margin version; rebuild with --fresh",
                                    detail: String(decoding: line.prefix(300), as: UTF8.self))
            }
        }
        return records
    }
}

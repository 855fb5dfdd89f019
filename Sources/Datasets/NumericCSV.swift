import Foundation

/// A comma-separated file of numbers, every record the same width.
public struct NumericCSV: Sendable {
    /// The records in order, each `width` numbers.
    public let rows: [[Double]]
    /// The number of fields in every record.
    public let width: Int

    /// Parses `bytes`, skipping the first `headerLines` lines and blank lines; `path` names the
    /// file in errors, which give the 1-based line and field.
    public init(parsing bytes: [UInt8], path: String, headerLines: Int = 0) throws {
        var rows: [[Double]] = []
        var width = -1
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            lineNumber += 1
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            if lineNumber > headerLines, contentEnd > lineStart {
                let row = try Self.parseRecord(bytes[lineStart..<contentEnd], path: path, line: lineNumber)
                if width < 0 { width = row.count }
                guard row.count == width else {
                    throw DatasetError.wrongWidth(path: path, line: lineNumber, expected: width, actual: row.count)
                }
                rows.append(row)
            }
            lineStart = lineEnd + 1
        }
        self.rows = rows
        self.width = max(width, 0)
    }

    /// The first line's fields as text (sklearn's CSVs put counts and class names there).
    public static func firstLineFields(of bytes: [UInt8]) -> [String] {
        let end = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        return String(decoding: bytes[0..<end], as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    private static func parseRecord(_ record: ArraySlice<UInt8>, path: String, line: Int) throws -> [Double] {
        var values: [Double] = []
        var fieldStart = record.startIndex
        var column = 1
        while true {
            var fieldEnd = fieldStart
            while fieldEnd < record.endIndex, record[fieldEnd] != UInt8(ascii: ",") { fieldEnd += 1 }
            let field = record[fieldStart..<fieldEnd]
            guard let value = parseNumber(field) else {
                throw DatasetError.notANumber(
                    path: path, line: line, column: column,
                    text: String(decoding: field, as: UTF8.self))
            }
            values.append(value)
            guard fieldEnd < record.endIndex else { return values }
            fieldStart = fieldEnd + 1
            column += 1
        }
    }

    /// Plain integers (the common case: pixels, labels) are read digit by digit; anything
    /// else goes through `Double(_:)`, which reads decimals and exponents exactly.
    private static func parseNumber(_ field: ArraySlice<UInt8>) -> Double? {
        var trimmed = field
        while let first = trimmed.first, first == UInt8(ascii: " ") { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last == UInt8(ascii: " ") { trimmed = trimmed.dropLast() }
        guard !trimmed.isEmpty else { return nil }
        if trimmed.count < 16, trimmed.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return Double(trimmed.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
        }
        return Double(String(decoding: trimmed, as: UTF8.self))
    }
}

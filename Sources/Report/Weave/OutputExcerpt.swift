/// What the report shows of a cell's printed output when it is long: its first lines, a line
/// saying how many were left out and where the whole output is (`OmittedOutput`), and its
/// last lines, so a report stays readable and quick to typeset (a PDF page holds about 80
/// lines; 1 MB of output used to take 27 s and 1,431 pages to render, 4 MB 250 s).
///
/// The head is the first `lineLimit` lines or `byteLimit` bytes, whichever is less, and the
/// tail likewise from the end: 200 lines (five PDF pages) and 50 kB. Cuts fall between lines
/// unless a single line is longer than `byteLimit`. An output that fits in head and tail is
/// shown whole. The cell's output may be several pieces, split where figures and tables were
/// shown; the limits apply to the whole stream and the pieces keep their places.
struct OutputExcerpt {
    /// The most lines shown at each end: 200.
    static let lineLimit = 200
    /// The most bytes shown at each end: 50,000.
    static let byteLimit = 50_000

    /// The whole output, for the file beside the report.
    let whole: String
    /// What was left out.
    let omitted: OmittedOutput
    /// Byte offsets into the whole output: the head ends at `headEnd`, the tail starts at `tailStart`.
    private let headEnd: Int, tailStart: Int
    /// The pieces' byte ranges in the whole output.
    private let pieceRanges: [Range<Int>]
    private let bytes: [UInt8]

    /// The excerpt of the output printed as `pieces`, or nil when it is short enough to show
    /// whole. `file` is where the whole output will be, relative to the report folder.
    init?(_ pieces: [String], file: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count })
        var pieceRanges: [Range<Int>] = []
        for piece in pieces {
            let start = bytes.count
            bytes.append(contentsOf: piece.utf8)
            pieceRanges.append(start..<bytes.count)
        }
        let headEnd = OutputExcerpt.headEnd(of: bytes)
        let tailStart = OutputExcerpt.tailStart(of: bytes)
        guard headEnd < tailStart else { return nil }
        var lines = 0
        for byte in bytes[headEnd..<tailStart] where byte == UInt8(ascii: "\n") { lines += 1 }
        if bytes[tailStart - 1] != UInt8(ascii: "\n") { lines += 1 }
        self.bytes = bytes
        self.pieceRanges = pieceRanges
        self.headEnd = headEnd
        self.tailStart = tailStart
        whole = String(decoding: bytes, as: UTF8.self)
        omitted = OmittedOutput(lines: lines, file: file)
    }

    /// What the report shows in place of piece `index`: the part of it in the head, the
    /// omission line if the omitted middle begins in it, and the part of it in the tail.
    func shown(piece index: Int) -> [WovenOutput] {
        let range = pieceRanges[index]
        var shown: [WovenOutput] = []
        if range.lowerBound < headEnd {
            shown.append(.text(text(range.lowerBound..<min(range.upperBound, headEnd))))
        }
        if range.lowerBound <= headEnd, headEnd < range.upperBound {
            shown.append(.omission(omitted))
        }
        if range.upperBound > tailStart {
            shown.append(.text(text(max(range.lowerBound, tailStart)..<range.upperBound)))
        }
        return shown
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Where the head ends: after `lineLimit` lines, or at the last line break within
    /// `byteLimit` bytes (within them at a character boundary when there is none).
    private static func headEnd(of bytes: [UInt8]) -> Int {
        let limit = min(bytes.count, byteLimit)
        var lines = 0, lastBreak: Int?
        for index in 0..<limit where bytes[index] == UInt8(ascii: "\n") {
            lines += 1
            lastBreak = index + 1
            if lines == lineLimit { return index + 1 }
        }
        if limit == bytes.count { return limit }
        return lastBreak ?? characterBoundary(in: bytes, from: limit, step: -1)
    }

    /// Where the tail starts: before the last `lineLimit` lines (a final line break ends the
    /// last line, it does not start another), or at the first line break within the last
    /// `byteLimit` bytes (within them at a character boundary when there is none).
    private static func tailStart(of bytes: [UInt8]) -> Int {
        let limit = max(0, bytes.count - byteLimit)
        let end = bytes.last == UInt8(ascii: "\n") ? bytes.count - 1 : bytes.count
        var lines = 0, firstBreak: Int?
        for index in stride(from: end - 1, through: limit, by: -1) where bytes[index] == UInt8(ascii: "\n") {
            lines += 1
            firstBreak = index + 1
            if lines == lineLimit { return index + 1 }
        }
        if limit == 0 { return 0 }
        return firstBreak ?? characterBoundary(in: bytes, from: limit, step: 1)
    }

    /// The nearest offset from `offset` in the direction of `step` (-1 or 1) that starts a
    /// UTF-8 character (is not a continuation byte).
    private static func characterBoundary(in bytes: [UInt8], from offset: Int, step: Int) -> Int {
        var index = offset
        while index > 0, index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += step }
        return index
    }
}

import TensorModule
import Testing

@Suite("Row chunks of a batch")
struct TensorRowChunksTests {
    @Test("chunk boundaries: full chunks, then the remainder, up to the row count asked for", arguments: [
        (10, 4, nil, [0..<4, 4..<8, 8..<10]),
        (10, 5, nil, [0..<5, 5..<10]),
        (10, 100, nil, [0..<10]),
        (10, 4, 7, [0..<4, 4..<7]),
        (10, 3, 0, []),
        (0, 3, nil, []),
        (3, 1, nil, [0..<1, 1..<2, 2..<3]),
    ] as [(Int, Int, Int?, [Range<Int>])])
    func boundaries(rows: Int, size: Int, count: Int?, expected: [Range<Int>]) {
        let batch = Tensor<Float>(repeating: 0, shape: [rows, 2])
        #expect(batch.rowChunks(of: size, upTo: count).map(\.range) == expected)
    }

    @Test("each chunk holds the rows of its range, every axis after the first kept")
    func contents() {
        var generator = SeededGenerator(seed: 11)
        let batch = Tensor<Double>.randomNormal(shape: [7, 2, 3], using: &generator)
        let chunks = Array(batch.rowChunks(of: 3))
        #expect(chunks.count == 3)
        for chunk in chunks {
            #expect(chunk.rows.shape == [chunk.range.count, 2, 3])
            #expect(chunk.rows.scalars == Array(batch.scalars[(chunk.range.lowerBound * 6)..<(chunk.range.upperBound * 6)]))
        }
        #expect(chunks.flatMap(\.rows.scalars) == batch.scalars)
    }
}

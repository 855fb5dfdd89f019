/// Maps a flat index of a broadcast output shape to the flat index of a source whose shape
/// broadcasts to it (the source's stride is 0 along axes where it has extent 1).
struct BroadcastIndexer {
    private let outputStrides: [Int]
    private let sourceStrides: [Int]
    /// Set when the source is a trailing block of the output (a bias [C] against [N, C]):
    /// then the source index is the flat index modulo the block size.
    private let suffixBlock: Int?

    init(from source: [Int], to output: [Int]) {
        let trimmed = Array(source.drop { $0 == 1 })
        suffixBlock = output.count >= trimmed.count && Array(output.suffix(trimmed.count)) == trimmed
            ? max(trimmed.reduce(1, *), 1) : nil
        let padded = [Int](repeating: 1, count: output.count - source.count) + source
        var outputStrides = [Int](repeating: 1, count: output.count)
        var sourceStrides = [Int](repeating: 0, count: output.count)
        var outputStride = 1, sourceStride = 1
        for axis in stride(from: output.count - 1, through: 0, by: -1) {
            outputStrides[axis] = outputStride
            sourceStrides[axis] = padded[axis] == 1 ? 0 : sourceStride
            outputStride *= output[axis]
            sourceStride *= padded[axis]
        }
        self.outputStrides = outputStrides
        self.sourceStrides = sourceStrides
    }

    func sourceIndex(_ flat: Int) -> Int {
        if let suffixBlock { return flat % suffixBlock }
        var remainder = flat, index = 0
        for axis in 0..<outputStrides.count {
            let coordinate = remainder / outputStrides[axis]
            remainder -= coordinate * outputStrides[axis]
            index += coordinate * sourceStrides[axis]
        }
        return index
    }
}

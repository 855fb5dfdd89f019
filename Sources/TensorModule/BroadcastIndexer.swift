/// Maps a flat index of a broadcast output shape to the flat index of a source whose shape
/// broadcasts to it (the source's stride is 0 along axes where it has extent 1).
struct BroadcastIndexer {
    private let outputStrides: [Int]
    private let sourceStrides: [Int]
    /// Set when the source's extents other than 1 form one run of axes matching the output
    /// (a bias [C] against [N, C], a channel vector [1, C, 1, 1] against [N, C, H, W], a row
    /// statistic [N, 1] against [N, K]): then the source index is (flat / inner) % block.
    private let run: (inner: Int, block: Int)?

    init(from source: [Int], to output: [Int]) {
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
        let kept = padded.indices.filter { padded[$0] != 1 }
        if let first = kept.first, let last = kept.last, kept.count == last - first + 1,
           kept.allSatisfy({ padded[$0] == output[$0] }) {
            run = (output[(last + 1)...].reduce(1, *), padded[first...last].reduce(1, *))
        } else {
            run = kept.isEmpty ? (1, 1) : nil
        }
    }

    @inline(__always)
    func sourceIndex(_ flat: Int) -> Int {
        if let run { return (flat / run.inner) % run.block }
        var remainder = flat, index = 0
        for axis in 0..<outputStrides.count {
            let coordinate = remainder / outputStrides[axis]
            remainder -= coordinate * outputStrides[axis]
            index += coordinate * sourceStrides[axis]
        }
        return index
    }
}

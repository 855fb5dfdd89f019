/// Walks a broadcast output shape in contiguous spans and names, for each, where it reads in
/// a source whose shape broadcasts to it (the source's stride is 0 along axes where it has
/// extent 1). A span either reads the source contiguously (`repeats == false`) or repeats
/// one source element (`repeats == true`), so the loops over a span are plain and
/// vectorisable: a bias [C] against [N, C] gives N spans of C, a channel vector [1, C, 1, 1]
/// against [N, C, H, W] gives N C repeating spans of H W, a scalar one repeating span.
struct BroadcastIndexer {
    /// The extent of the output's last axis (1 for a scalar): the span length without a run.
    private let lastExtent: Int
    private let outputStrides: [Int]
    private let sourceStrides: [Int]
    private let outputCount: Int
    /// Set when the source's extents other than 1 form one run of axes matching the output:
    /// the source index of flat output index i is then (i / inner) % block.
    private let run: (inner: Int, block: Int)?
    /// Whether the source has extent 1 along the output's last axis.
    private let repeatsAlongLastAxis: Bool

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
        self.lastExtent = output.last ?? 1
        self.outputStrides = outputStrides
        self.sourceStrides = sourceStrides
        self.outputCount = outputStride
        self.repeatsAlongLastAxis = padded.last.map { $0 == 1 } ?? true
        let kept = padded.indices.filter { padded[$0] != 1 }
        if let first = kept.first, let last = kept.last, kept.count == last - first + 1,
           kept.allSatisfy({ padded[$0] == output[$0] }) {
            run = (output[(last + 1)...].reduce(1, *), padded[first...last].reduce(1, *))
        } else {
            run = kept.isEmpty ? (outputStride, 1) : nil
        }
    }

    /// Calls `body(outputStart, sourceStart, length, repeats)` for consecutive spans that
    /// together cover the output once, in order.
    @inline(__always)
    func forEachSpan(_ body: (_ outputStart: Int, _ sourceStart: Int, _ length: Int, _ repeats: Bool) -> Void) {
        guard outputCount > 0 else { return }
        if let (inner, block) = run {
            if inner == 1 {
                for start in stride(from: 0, to: outputCount, by: block) { body(start, 0, block, false) }
            } else {
                var start = 0
                while start < outputCount {
                    for source in 0..<block {
                        body(start, source, inner, true)
                        start += inner
                    }
                }
            }
            return
        }
        for start in stride(from: 0, to: outputCount, by: lastExtent) {
            body(start, sourceIndex(start), lastExtent, repeatsAlongLastAxis)
        }
    }

    /// The source index of flat output index `flat`.
    private func sourceIndex(_ flat: Int) -> Int {
        var remainder = flat, index = 0
        for axis in 0..<outputStrides.count {
            let coordinate = remainder / outputStrides[axis]
            remainder -= coordinate * outputStrides[axis]
            index += coordinate * sourceStrides[axis]
        }
        return index
    }
}

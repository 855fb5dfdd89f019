import Foundation
import TensorModule
import Testing
import _TestSupport

/// The fast kernels against direct loops written from their definitions.
@Suite("Kernels against naive reference loops")
struct KernelReferenceTests {
    static func naiveConvolution(_ x: Tensor<Double>, _ w: Tensor<Double>, stride: Int, padding: Padding) -> Tensor<Double> {
        let g = WindowGeometry(inputHeight: x.shape[2], inputWidth: x.shape[3], window: w.shape[2], stride: stride, padding: padding)
        let (n, c, h, wd, o, k) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3], w.shape[0], w.shape[2])
        var out = Tensor<Double>(repeating: 0, shape: [n, o, g.outputHeight, g.outputWidth])
        for image in 0..<n { for filter in 0..<o { for i in 0..<g.outputHeight { for j in 0..<g.outputWidth {
            var total = 0.0
            for channel in 0..<c { for a in 0..<k { for b in 0..<k {
                let (y, xx) = (i * stride + a - g.padTop, j * stride + b - g.padLeft)
                guard y >= 0, y < h, xx >= 0, xx < wd else { continue }
                total += w.scalars[((filter * c + channel) * k + a) * k + b] * x.scalars[((image * c + channel) * h + y) * wd + xx]
            } } }
            out.scalars[((image * o + filter) * g.outputHeight + i) * g.outputWidth + j] = total
        } } } }
        return out
    }

    @Test("conv2d equals the definition", arguments: [(1, Padding.valid), (1, .same), (2, .valid), (2, .same), (3, .same)])
    func convolution(stride: Int, padding: Padding) {
        var generator = SeededGenerator(seed: 3)
        let x = Tensor<Double>.randomNormal(shape: [2, 3, 7, 6], using: &generator)
        let w = Tensor<Double>.randomNormal(shape: [4, 3, 3, 3], using: &generator)
        #expect(relativeError(x.conv2d(w, stride: stride, padding: padding),
                              Self.naiveConvolution(x, w, stride: stride, padding: padding)) < 1e-12)
    }

    @Test("'same' keeps ceil(H / stride) positions, 'valid' floor((H - K) / stride) + 1")
    func geometry() {
        let same = WindowGeometry(inputHeight: 28, inputWidth: 27, window: 3, stride: 2, padding: .same)
        #expect((same.outputHeight, same.outputWidth, same.padTop, same.padLeft) == (14, 14, 0, 1))
        let valid = WindowGeometry(inputHeight: 28, inputWidth: 28, window: 5, stride: 1, padding: .valid)
        #expect((valid.outputHeight, valid.padTop) == (24, 0))
    }

    @Test("rowsInside and columnsInside list exactly the outputs whose input lies inside", arguments: [
        (7, 3, 1, Padding.same), (7, 3, 2, .same), (8, 3, 3, .same), (6, 2, 2, .valid), (5, 5, 1, .same), (9, 4, 2, .same),
    ])
    func positionsInside(extent: Int, window: Int, stride: Int, padding: Padding) {
        let g = WindowGeometry(inputHeight: extent, inputWidth: extent + 1, window: window, stride: stride, padding: padding)
        for offset in 0..<window {
            let rows = (0..<g.outputHeight).filter { (0..<extent).contains($0 * stride + offset - g.padTop) }
            let columns = (0..<g.outputWidth).filter { (0..<(extent + 1)).contains($0 * stride + offset - g.padLeft) }
            #expect(Array(g.rowsInside(offset: offset)) == rows, "rows, offset \(offset)")
            #expect(Array(g.columnsInside(offset: offset)) == columns, "columns, offset \(offset)")
        }
    }

    @Test("max pooling takes each window's maximum")
    func maxPooling() {
        let x = Tensor<Double>(shape: [1, 1, 4, 4], scalars: [1, 5, 2, 0, 3, 4, 8, 1, 0, 0, 1, 1, 9, 2, 3, 7])
        let (pooled, indices) = x.maxPool2d(size: 2, stride: 2, padding: .valid)
        #expect(pooled.scalars == [5, 8, 9, 7])
        #expect(indices == [1, 6, 12, 15])
    }

    @Test("average pooling, and 'same' averages only positions inside the input")
    func averagePooling() {
        let x = Tensor<Double>(shape: [1, 1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(x.averagePool2d(size: 2, stride: 1, padding: .valid).scalars == [3, 4, 6, 7])
        #expect(x.averagePool2d(size: 2, stride: 2, padding: .same).scalars == [3, 4.5, 7.5, 9])
    }

    @Test("broadcasting arithmetic and its adjoint sum")
    func broadcasting() {
        let a = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let b = Tensor<Double>(shape: [3], scalars: [10, 20, 30])
        let c = Tensor<Double>(shape: [2, 1], scalars: [100, 200])
        #expect((a + b).scalars == [11, 22, 33, 14, 25, 36])
        #expect((a * c).scalars == [100, 200, 300, 800, 1000, 1200])
        #expect(a.sum(toShape: [3]).scalars == [5, 7, 9])
        #expect(a.sum(toShape: [2, 1]).scalars == [6, 15])
        #expect(c.broadcast(to: [2, 3]).scalars == [100, 100, 100, 200, 200, 200])
    }

    /// The element of `source` that broadcasting reads for output coordinate `coordinate`.
    static func broadcastElement(_ source: Tensor<Double>, at coordinate: [Int]) -> Double {
        let padded = [Int](repeating: 1, count: coordinate.count - source.rank) + source.shape
        var index = 0
        for (axis, extent) in padded.enumerated() { index = index * extent + (extent == 1 ? 0 : coordinate[axis]) }
        return source.scalars[index]
    }

    /// Every flat index of `shape`, as coordinates in row-major order.
    static func coordinates(of shape: [Int]) -> [[Int]] {
        shape.reduce([[]]) { prefixes, extent in prefixes.flatMap { prefix in (0..<extent).map { prefix + [$0] } } }
    }

    @Test("broadcast, combining and sum(toShape:) equal coordinate-wise definitions", arguments: [
        ([2, 3], [3]), ([3], [2, 3]), ([2, 3], [2, 1]), ([2, 1], [2, 3]), ([4, 5], []), ([], [4, 5]),
        ([2, 3, 4, 5], [1, 3, 1, 1]), ([2, 3, 4], [2, 1, 4]), ([2, 1, 4], [2, 3, 4]), ([2, 1, 3], [1, 4, 1]),
        ([3, 4], [1, 1]), ([1], [3, 4]), ([2, 3], [2, 3]),
    ])
    func broadcastingAgainstDefinition(leftShape: [Int], rightShape: [Int]) {
        var generator = SeededGenerator(seed: 5)
        let left = Tensor<Double>.randomNormal(shape: leftShape, using: &generator)
        let right = Tensor<Double>.randomNormal(shape: rightShape, using: &generator)
        let outputShape = Tensor<Double>.broadcastShape(leftShape, rightShape)
        let points = Self.coordinates(of: outputShape)
        let pairs = points.map { (Self.broadcastElement(left, at: $0), Self.broadcastElement(right, at: $0)) }
        #expect((left - right).scalars == pairs.map { $0 - $1 })
        #expect((left / right).scalars == pairs.map { $0 / $1 })
        #expect(left.combining(.sigmoidBackward, with: right).scalars == pairs.map { $0 * ($1 - $1 * $1) })
        #expect(left.broadcast(to: outputShape).scalars == pairs.map(\.0))
        let product = left * right
        for target in [leftShape, rightShape] {
            var expected = Tensor<Double>(repeating: 0, shape: target)
            for (point, value) in zip(points, product.scalars) {
                let padded = [Int](repeating: 1, count: point.count - target.count) + target
                var index = 0
                for (axis, extent) in padded.enumerated() { index = index * extent + (extent == 1 ? 0 : point[axis]) }
                expected.scalars[index] += value
            }
            #expect(relativeError(product.sum(toShape: target), expected) < 1e-14, "sum to \(target)")
        }
    }

    @Test("Float exp and sigmoid stay within 2 ulp of the correctly rounded values from -87 to 88")
    func vectorExponential() {
        let points = (0...200_003).map { Float(-87.3 + 176 * Double($0) / 200_003) }
        let x = Tensor<Float>(shape: [points.count], scalars: points)
        for (function, reference) in [(ElementwiseFunction.exp, { (v: Double) in Foundation.exp(v) }),
                                      (.sigmoid, { (v: Double) in 1 / (1 + Foundation.exp(-v)) })] {
            let worst = zip(points, x.applying(function).scalars).map { point, value in
                let exact = Float(reference(Double(point)))
                return Double(abs(value - exact) / exact.ulp)
            }.max()!
            #expect(worst <= 2, "\(function): \(worst) ulp")
        }
    }

    @Test("Float exp at the edges: underflow to 0, overflow to infinity, NaN stays NaN", arguments: [
        (0, 1), (-100, 0), (-Float.infinity, 0), (100, Float.infinity), (Float.infinity, Float.infinity), (1, Float(M_E)),
    ] as [(Float, Float)])
    func vectorExponentialEdges(input: Float, expected: Float) {
        let values = Tensor<Float>(shape: [9], scalars: [Float](repeating: input, count: 9)).applying(.exp).scalars
        #expect(values.allSatisfy { $0 == expected || abs($0 - expected) <= expected.ulp }, "exp(\(input)) = \(values[0])")
        #expect(Tensor<Float>(shape: [3], scalars: [.nan, 0, .nan]).applying(.exp).scalars[2].isNaN)
    }

    @Test("a batch large enough to be split across cores gives what its images give one by one")
    func splitAcrossCores() {
        var generator = SeededGenerator(seed: 9)
        // 540,000 elements: more than two chunks of `ParallelChunks.elementsPerChunk`, so every kernel below splits.
        let batch = Tensor<Double>.randomNormal(shape: [200, 3, 30, 30], using: &generator)
        let filter = Tensor<Double>.randomNormal(shape: [4, 3, 3, 3], using: &generator)
        let images = (0..<200).map { batch.rows($0..<($0 + 1)) }
        func byImage(_ kernel: (Tensor<Double>) -> Tensor<Double>) -> Tensor<Double> { .concatenate(rows: images.map(kernel)) }
        for padding in [Padding.same, .valid] {
            let convolved = batch.conv2d(filter, stride: 1, padding: padding)
            #expect(relativeError(convolved, byImage { $0.conv2d(filter, stride: 1, padding: padding) }) < 1e-12)
            #expect(relativeError(convolved.conv2dInputGradient(filter: filter, inputShape: batch.shape, stride: 1, padding: padding),
                                  byImage { $0.conv2d(filter, stride: 1, padding: padding)
                                      .conv2dInputGradient(filter: filter, inputShape: $0.shape, stride: 1, padding: padding) }) < 1e-12)
        }
        #expect(batch.applying(.sigmoid).scalars == byImage { $0.applying(.sigmoid) }.scalars)
        #expect((batch * batch).scalars == byImage { $0 * $0 }.scalars)
        let (pooled, indices) = batch.maxPool2d(size: 2, stride: 2, padding: .valid)
        #expect(pooled.scalars == byImage { $0.maxPool2d(size: 2, stride: 2, padding: .valid).output }.scalars)
        #expect(indices == images.indices.flatMap { image in
            images[image].maxPool2d(size: 2, stride: 2, padding: .valid).indices.map { $0 + image * 3 * 30 * 30 }
        })
        let swapped = batch.permuted([1, 0, 2, 3])
        #expect(swapped.shape == [3, 200, 30, 30])
        #expect(swapped.permuted([1, 0, 2, 3]).scalars == batch.scalars)
        #expect(swapped.rows(1..<2).scalars == images.flatMap { $0.scalars[900..<1800] })
        #expect(Array(swapped.rowScalars(1)) == swapped.rows(1..<2).scalars)
    }

    @Test("matmul through BLAS in both precisions")
    func matmul() {
        let a = Tensor<Float>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let b = Tensor<Float>(shape: [3, 2], scalars: [7, 8, 9, 10, 11, 12])
        #expect(a.matmul(b).scalars == [58, 64, 139, 154])
        #expect(a.matmul(a, transposeOther: true).scalars == [14, 32, 32, 77])
        let d = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(d.matmul(d, transposeSelf: true).shape == [3, 3])
    }

    @Test("permutation moves axes")
    func permutation() {
        let x = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(x.transposed.scalars == [1, 4, 2, 5, 3, 6])
        let y = Tensor<Double>(shape: [2, 2, 2], scalars: (0..<8).map(Double.init))
        #expect(y.permuted([2, 0, 1]).scalars == [0, 2, 4, 6, 1, 3, 5, 7])
    }

    @Test("channel window sum over 3 neighbouring channels, clipped at the ends")
    func channelWindow() {
        let x = Tensor<Double>(shape: [1, 4, 1, 1], scalars: [1, 2, 3, 4])
        #expect(x.channelWindowSum(size: 3).scalars == [3, 6, 9, 7])
    }

    @Test("the seeded generator gives one fixed stream")
    func seededStream() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        var c = SeededGenerator(seed: 0)
        #expect(c.next() == 0x99EC_5F36_CB75_F2B4, "xoshiro256** seeded by SplitMix64(0)")
        var normals = SeededGenerator(seed: 1)
        let sample = Tensor<Double>.randomNormal(shape: [20_000], using: &normals)
        let mean = sample.scalars.reduce(0, +) / 20_000
        let variance = sample.scalars.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 20_000
        #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.03)
    }
}

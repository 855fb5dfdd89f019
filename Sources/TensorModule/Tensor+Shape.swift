extension Tensor {
    /// The same elements with another shape of equal size; one extent may be -1 (inferred).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var resolved = newShape
        if let unknown = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != unknown }.map(\.element).reduce(1, *)
            resolved[unknown] = known == 0 ? 0 : count / known
        }
        precondition(resolved.reduce(1, *) == count, "cannot reshape \(shape) (\(count) elements) to \(newShape)")
        return Tensor(shape: resolved, scalars: scalars)
    }

    /// The axes reordered: result axis i is this tensor's axis `axes[i]`. Trailing axes that
    /// stay in place (as the image planes when batch and channel axes swap) are copied as
    /// whole contiguous rows.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func permuted(_ axes: [Int]) -> Tensor {
        precondition(axes.sorted() == Array(0..<rank), "permutation \(axes) does not fit rank \(rank)")
        if axes == Array(0..<rank) { return self }
        var moved = rank
        while axes[moved - 1] == moved - 1 { moved -= 1 }
        let row = shape[moved...].reduce(1, *)
        let order = Self.permutedOrder(shape: Array(shape[..<moved]), axes: Array(axes[..<moved]))
        return scalars.withUnsafeBufferPointer { source in
            Tensor(shape: axes.map { shape[$0] }) { out in
                ParallelChunks.run(count: order.count, elementsPerIteration: row) { targets in
                    for target in targets {
                        let (from, to) = (order[target] * row, target * row)
                        for j in 0..<row { out[to + j] = source[from + j] }
                    }
                }
            }
        }
    }

    /// For each flat index of the permuted shape, the flat index it comes from.
    private static func permutedOrder(shape: [Int], axes: [Int]) -> [Int] {
        let rank = shape.count
        let newShape = axes.map { shape[$0] }
        var sourceStrides = [Int](repeating: 1, count: rank)
        for axis in stride(from: rank - 2, through: 0, by: -1) { sourceStrides[axis] = sourceStrides[axis + 1] * shape[axis + 1] }
        let permutedStrides = axes.map { sourceStrides[$0] }
        let total = shape.reduce(1, *)
        var order = [Int](repeating: 0, count: total)
        var coordinate = [Int](repeating: 0, count: rank)
        for flat in 0..<total {
            var index = 0
            for axis in 0..<rank { index += coordinate[axis] * permutedStrides[axis] }
            order[flat] = index
            var axis = rank - 1
            while axis >= 0 {
                coordinate[axis] += 1
                if coordinate[axis] < newShape[axis] { break }
                coordinate[axis] = 0
                axis -= 1
            }
        }
        return order
    }

    /// The transpose of a matrix.
    public var transposed: Tensor {
        precondition(rank == 2, "transposed needs a matrix, got shape \(shape)")
        return permuted([1, 0])
    }

    /// Rows `range` along axis 0 (a batch slice).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func rows(_ range: Range<Int>) -> Tensor {
        let width = shape.dropFirst().reduce(1, *)
        return Tensor(shape: [range.count] + shape.dropFirst(),
                      scalars: Array(scalars[(range.lowerBound * width)..<(range.upperBound * width)]))
    }

    /// The scalars of row `row` along axis 0 (one example of a batch [N, ...]), as a slice of
    /// `scalars`: elements row * width ..< (row + 1) * width, width the product of the other extents.
    @inlinable
    public func rowScalars(_ row: Int) -> ArraySlice<Scalar> {
        let width = shape.dropFirst().reduce(1, *)
        return scalars[(row * width)..<((row + 1) * width)]
    }

    /// Consecutive batches of at most `size` rows along axis 0, in order, covering rows
    /// 0 ..< `count` (default nil: every row): chunk k is rows k·size ..< min((k + 1)·size, count),
    /// given with its range. Each chunk is copied (`rows(_:)`) only when the sequence reaches it.
    @inlinable
    public func rowChunks(of size: Int, upTo count: Int? = nil) -> some Sequence<(range: Range<Int>, rows: Tensor)> {
        let count = count ?? shape[0]
        precondition(size > 0, "rowChunks needs a positive chunk size, got \(size)")
        precondition(count >= 0 && count <= shape[0], "rowChunks: \(count) rows asked of shape \(shape)")
        return stride(from: 0, to: count, by: size).lazy.map { start in
            let range = start..<Swift.min(start + size, count)
            return (range: range, rows: rows(range))
        }
    }

    /// The rows at `indices` along axis 0, in that order.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func gatherRows(_ indices: [Int]) -> Tensor {
        let width = shape.dropFirst().reduce(1, *)
        var result = [Scalar]()
        result.reserveCapacity(indices.count * width)
        for index in indices { result.append(contentsOf: rowScalars(index)) }
        return Tensor(shape: [indices.count] + shape.dropFirst(), scalars: result)
    }

    /// Tensors joined along axis 0; all other extents must agree.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func concatenate(rows parts: [Tensor]) -> Tensor {
        precondition(!parts.isEmpty, "concatenate needs at least one tensor")
        let tail = Array(parts[0].shape.dropFirst())
        precondition(parts.allSatisfy { Array($0.shape.dropFirst()) == tail }, "concatenate: shapes \(parts.map(\.shape)) differ beyond axis 0")
        return Tensor(shape: [parts.reduce(0) { $0 + $1.shape[0] }] + tail, scalars: parts.flatMap(\.scalars))
    }
}

extension Tensor {
    /// The NumPy broadcast of two shapes; traps with both shapes named when they are incompatible.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int] {
        let rank = max(a.count, b.count)
        let pa = [Int](repeating: 1, count: rank - a.count) + a
        let pb = [Int](repeating: 1, count: rank - b.count) + b
        return (0..<rank).map { axis in
            precondition(pa[axis] == pb[axis] || pa[axis] == 1 || pb[axis] == 1,
                         "shapes \(a) and \(b) do not broadcast (axis \(axis))")
            return max(pa[axis], pb[axis])
        }
    }

    /// This tensor repeated along its extent-1 (or missing leading) axes to `target`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func broadcast(to target: [Int]) -> Tensor {
        if shape == target { return self }
        return scalars.withUnsafeBufferPointer { source in
            Tensor(shape: target) { out in
                BroadcastIndexer(from: shape, to: target).forEachSpan { start, from, length, repeats in
                    if repeats {
                        let value = source[from]
                        for i in start..<(start + length) { out[i] = value }
                    } else {
                        for i in 0..<length { out[start + i] = source[from + i] }
                    }
                }
            }
        }
    }

    /// The sum over the axes along which `target` was broadcast to this tensor's shape: the
    /// adjoint of `broadcast(to:)`, used by the gradients of broadcasting operations.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sum(toShape target: [Int]) -> Tensor {
        if shape == target { return self }
        var result = [Scalar](repeating: 0, count: target.reduce(1, *))
        scalars.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { sums in
                BroadcastIndexer(from: target, to: shape).forEachSpan { start, into, length, repeats in
                    if repeats {
                        var total: Scalar = 0
                        for i in start..<(start + length) { total += source[i] }
                        sums[into] += total
                    } else {
                        for i in 0..<length { sums[into + i] += source[start + i] }
                    }
                }
            }
        }
        return Tensor(shape: target, scalars: result)
    }
}

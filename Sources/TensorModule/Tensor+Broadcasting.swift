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
        let indexer = BroadcastIndexer(from: shape, to: target)
        let total = target.reduce(1, *)
        return scalars.withUnsafeBufferPointer { source in
            Tensor(shape: target, scalars: (0..<total).map { source[indexer.sourceIndex($0)] })
        }
    }

    /// The sum over the axes along which `target` was broadcast to this tensor's shape: the
    /// adjoint of `broadcast(to:)`, used by the gradients of broadcasting operations.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sum(toShape target: [Int]) -> Tensor {
        if shape == target { return self }
        let indexer = BroadcastIndexer(from: target, to: shape)
        var result = [Scalar](repeating: 0, count: target.reduce(1, *))
        scalars.withUnsafeBufferPointer { source in
            for i in 0..<source.count { result[indexer.sourceIndex(i)] += source[i] }
        }
        return Tensor(shape: target, scalars: result)
    }
}

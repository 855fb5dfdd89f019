extension Tensor {
    /// The sum of all elements.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sum() -> Scalar {
        scalars.withUnsafeBufferPointer { $0.reduce(0, +) }
    }

    /// The sum over `axes`, which are kept with extent 1 (so the result broadcasts back).
    public func sum(alongAxes axes: Set<Int>) -> Tensor {
        let target = shape.enumerated().map { axes.contains($0.offset) ? 1 : $0.element }
        return sum(toShape: target)
    }

    /// The index of the largest element of each row of a [N, K] matrix.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func argmaxRows() -> [Int] {
        precondition(rank == 2, "argmaxRows needs [N, K], got \(shape)")
        let width = shape[1]
        return (0..<shape[0]).map { row in
            var best = 0
            for column in 1..<width where scalars[row * width + column] > scalars[row * width + best] { best = column }
            return best
        }
    }

    /// The largest element of each row of a [N, K] matrix, as [N, 1].
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func maxRows() -> Tensor {
        Tensor(shape: [shape[0], 1], scalars: (0..<shape[0]).map { rowScalars($0).max()! })
    }

    /// The Euclidean norm of each row (everything after the first axis) of an [N, ...]
    /// tensor, sqrt(sum_j x_ij^2), each square rounded in `Scalar` and summed in Double.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func rowNorms() -> [Double] {
        let rows = shape.first ?? 1
        let width = count / Swift.max(rows, 1)
        return scalars.withUnsafeBufferPointer { x in
            (0..<rows).map { row in
                var total = 0.0
                for k in (row * width)..<((row + 1) * width) { total += Double(x[k] * x[k]) }
                return total.squareRoot()
            }
        }
    }

    /// The Euclidean norm of all elements, sqrt(sum x^2).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func l2Norm() -> Scalar {
        scalars.euclideanNorm
    }
}

extension Tensor {
    /// A tensor of the same shape with `transform` applied to every element.
    @inlinable
    public func map(_ transform: (Scalar) -> Scalar) -> Tensor {
        Tensor(shape: shape, scalars: scalars.map(transform))
    }

    /// Combines `self` and `other` elementwise after broadcasting both to a common shape
    /// (NumPy rules: trailing axes align; an axis of extent 1 repeats).
    public func zipWith(_ other: Tensor, _ combine: (Scalar, Scalar) -> Scalar) -> Tensor {
        if shape == other.shape {
            var result = [Scalar](repeating: 0, count: count)
            scalars.withUnsafeBufferPointer { a in
                other.scalars.withUnsafeBufferPointer { b in
                    for i in 0..<a.count { result[i] = combine(a[i], b[i]) }
                }
            }
            return Tensor(shape: shape, scalars: result)
        }
        if other.count == 1 {
            let value = other.scalars[0]
            return map { combine($0, value) }
        }
        if count == 1 {
            let value = scalars[0]
            return other.map { combine(value, $0) }
        }
        let outputShape = Tensor.broadcastShape(shape, other.shape)
        let left = BroadcastIndexer(from: shape, to: outputShape)
        let right = BroadcastIndexer(from: other.shape, to: outputShape)
        let total = outputShape.reduce(1, *)
        var result = [Scalar](repeating: 0, count: total)
        scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { out in
                    for i in 0..<total { out[i] = combine(a[left.sourceIndex(i)], b[right.sourceIndex(i)]) }
                }
            }
        }
        return Tensor(shape: outputShape, scalars: result)
    }

    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, +) }
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, -) }
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, *) }
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, /) }
    public static prefix func - (operand: Tensor) -> Tensor { operand.map { -$0 } }
    public static func * (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map { $0 * rhs } }
    public static func + (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map { $0 + rhs } }

    /// A scalar tensor (shape `[]`).
    public init(_ value: Scalar) {
        self.init(shape: [], scalars: [value])
    }
}

/// A dense, row-major n-dimensional array of `Float` or `Double` with value semantics.
///
/// Element `(i0, i1, ..., ik)` sits at `scalars[((i0 * d1 + i1) * d2 + i2) ... ]` for
/// `shape = [d0, d1, ..., dk]`. Images are stored NCHW.
public struct Tensor<Scalar: TensorScalar>: Sendable {
    /// The extent of each dimension; `[]` is a scalar.
    public var shape: [Int]
    /// The elements in row-major order; `scalars.count == shape.reduce(1, *)`.
    public var scalars: [Scalar]

    /// A tensor of the given shape holding `scalars` in row-major order.
    public init(shape: [Int], scalars: [Scalar]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor shape \(shape) has a negative extent")
        precondition(shape.reduce(1, *) == scalars.count,
                     "Tensor shape \(shape) needs \(shape.reduce(1, *)) scalars, got \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of the given shape whose elements `initialize` writes, every one of them, into
    /// uninitialised memory (hot loops that overwrite their output skip the zero fill).
    @inline(__always)
    init(shape: [Int], initializingEvery initialize: (UnsafeMutableBufferPointer<Scalar>) -> Void) {
        let count = shape.reduce(1, *)
        self.init(shape: shape, scalars: [Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialize(buffer)
            initialized = count
        })
    }

    /// A tensor of the given shape with every element equal to `value` (default 0).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public init(repeating value: Scalar = 0, shape: [Int]) {
        self.init(shape: shape, scalars: Array(repeating: value, count: shape.reduce(1, *)))
    }

    /// The number of elements.
    public var count: Int { scalars.count }

    /// The number of dimensions.
    public var rank: Int { shape.count }
}

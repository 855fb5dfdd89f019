extension Tensor {
    /// A tensor of the same shape with `transform` applied to every element (for cold paths;
    /// hot paths use `applying(_:)`, which is specialised).
    public func map(_ transform: (Scalar) -> Scalar) -> Tensor {
        Tensor(shape: shape, scalars: scalars.map(transform))
    }

    /// `function` applied to every element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func applying(_ function: ElementwiseFunction) -> Tensor {
        scalars.withUnsafeBufferPointer { whole in
            Tensor(shape: shape) { wholeResult in
                ParallelChunks.run(count: whole.count) { chunk in
                    let x = UnsafeBufferPointer(rebasing: whole[chunk])
                    let y = UnsafeMutableBufferPointer(rebasing: wholeResult[chunk])
                    switch function {
                    case .exp: Scalar.exponentials(of: x, into: y)
                    case .log: for i in 0..<x.count { y[i] = Scalar.log(x[i]) }
                    case .tanh: for i in 0..<x.count { y[i] = Scalar.tanh(x[i]) }
                    case .sqrt: for i in 0..<x.count { y[i] = x[i].squareRoot() }
                    case .abs: for i in 0..<x.count { y[i] = Swift.abs(x[i]) }
                    case .square: for i in 0..<x.count { y[i] = x[i] * x[i] }
                    case .negate: for i in 0..<x.count { y[i] = -x[i] }
                    case .sigmoid: Scalar.sigmoids(of: x, into: y)
                    case .softplus: for i in 0..<x.count { y[i] = Swift.max(x[i], 0) + Scalar.log(1 + Scalar.exp(-Swift.abs(x[i]))) }
                    case let .leakyRelu(slope):
                        let s = Scalar(slope)
                        for i in 0..<x.count { y[i] = x[i] > 0 ? x[i] : s * x[i] }
                    case .sign: for i in 0..<x.count { y[i] = x[i] > 0 ? 1 : (x[i] < 0 ? -1 : 0) }
                    case let .power(p) where p == p.rounded() && abs(p) <= Double(Int32.max):
                        // Integer exponents by repeated multiplication: pow(0, 0) = 1 and negative bases work.
                        let n = Int(p)
                        for i in 0..<x.count { y[i] = Scalar.pow(x[i], n) }
                    case let .power(p):
                        // exp(p log x) (IEEE powr), defined for x >= 0.
                        let e = Scalar(p)
                        for i in 0..<x.count { y[i] = Scalar.pow(x[i], e) }
                    case let .affine(scale, shift):
                        let (a, b) = (Scalar(scale), Scalar(shift))
                        for i in 0..<x.count { y[i] = a * x[i] + b }
                    }
                }
            }
        }
    }

    /// `self op other` elementwise after broadcasting both to a common shape (NumPy rules:
    /// trailing axes align; an axis of extent 1 repeats). Equal shapes split across cores;
    /// otherwise the loop walks the broadcast operand span by span (see `BroadcastIndexer`).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func combining(_ op: ElementwiseOperator, with other: Tensor) -> Tensor {
        let outputShape = shape == other.shape ? shape : Tensor.broadcastShape(shape, other.shape)
        if shape != outputShape && other.shape != outputShape {
            return broadcast(to: outputShape).combining(op, with: other)
        }
        return scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                Tensor(shape: outputShape) { out in
                    if shape == other.shape {
                        // The operator is chosen inside each chunk, so every chunk runs a loop with
                        // its formula inlined (a closure captured across threads would be called per element).
                        ParallelChunks.run(count: out.count) { chunk in
                            Tensor.withFormula(of: op) { combine in
                                for i in chunk { out[i] = combine(a[i], b[i]) }
                            }
                        }
                    } else {
                        let rightBroadcasts = other.shape != outputShape
                        Tensor.withFormula(of: op) { combine in
                            BroadcastIndexer(from: rightBroadcasts ? other.shape : shape, to: outputShape)
                                .forEachSpan { start, source, length, repeats in
                                    switch (rightBroadcasts, repeats) {
                                    case (true, true):
                                        let value = b[source]
                                        for i in start..<(start + length) { out[i] = combine(a[i], value) }
                                    case (true, false):
                                        for i in 0..<length { out[start + i] = combine(a[start + i], b[source + i]) }
                                    case (false, true):
                                        let value = a[source]
                                        for i in start..<(start + length) { out[i] = combine(value, b[i]) }
                                    case (false, false):
                                        for i in 0..<length { out[start + i] = combine(a[source + i], b[start + i]) }
                                    }
                                }
                        }
                    }
                }
            }
        }
    }

    /// Calls `body` with the elementwise formula of `op` (left operand first), as a literal
    /// closure the optimizer inlines into `body`'s loop.
    @inline(__always)
    private static func withFormula(of op: ElementwiseOperator, _ body: ((Scalar, Scalar) -> Scalar) -> Void) {
        switch op {
        case .add: body(+)
        case .subtract: body(-)
        case .multiply: body(*)
        case .divide: body(/)
        case .sigmoidBackward: body { g, y in g * (y - y * y) }
        case .tanhBackward: body { g, y in g * (1 - y * y) }
        case let .leakyReluBackward(slope):
            let s = Scalar(slope)
            body { g, x in x > 0 ? g : s * g }
        }
    }

    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.combining(.add, with: rhs) }
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.combining(.subtract, with: rhs) }
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.combining(.multiply, with: rhs) }
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.combining(.divide, with: rhs) }
    public static prefix func - (operand: Tensor) -> Tensor { operand.applying(.negate) }
    public static func * (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.applying(.affine(scale: Double(rhs), shift: 0)) }
    public static func + (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.applying(.affine(scale: 1, shift: Double(rhs))) }

    /// A scalar tensor (shape `[]`).
    public init(_ value: Scalar) {
        self.init(shape: [], scalars: [value])
    }
}

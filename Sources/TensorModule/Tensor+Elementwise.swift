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
        var result = [Scalar](repeating: 0, count: count)
        scalars.withUnsafeBufferPointer { x in
            result.withUnsafeMutableBufferPointer { y in
                switch function {
                case .exp: for i in 0..<x.count { y[i] = Scalar.exp(x[i]) }
                case .log: for i in 0..<x.count { y[i] = Scalar.log(x[i]) }
                case .tanh: for i in 0..<x.count { y[i] = Scalar.tanh(x[i]) }
                case .sqrt: for i in 0..<x.count { y[i] = x[i].squareRoot() }
                case .abs: for i in 0..<x.count { y[i] = Swift.abs(x[i]) }
                case .square: for i in 0..<x.count { y[i] = x[i] * x[i] }
                case .negate: for i in 0..<x.count { y[i] = -x[i] }
                case .sigmoid: for i in 0..<x.count { y[i] = 1 / (1 + Scalar.exp(-x[i])) }
                case .softplus: for i in 0..<x.count { y[i] = Swift.max(x[i], 0) + Scalar.log(1 + Scalar.exp(-Swift.abs(x[i]))) }
                case let .leakyRelu(slope):
                    let s = Scalar(slope)
                    for i in 0..<x.count { y[i] = x[i] > 0 ? x[i] : s * x[i] }
                case let .leakyReluDerivative(slope):
                    let s = Scalar(slope)
                    for i in 0..<x.count { y[i] = x[i] > 0 ? 1 : s }
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
        return Tensor(shape: shape, scalars: result)
    }

    /// `self op other` elementwise after broadcasting both to a common shape (NumPy rules:
    /// trailing axes align; an axis of extent 1 repeats).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func combining(_ op: ElementwiseOperator, with other: Tensor) -> Tensor {
        let outputShape = shape == other.shape ? shape : Tensor.broadcastShape(shape, other.shape)
        let total = outputShape.reduce(1, *)
        let left = shape == outputShape ? nil : BroadcastIndexer(from: shape, to: outputShape)
        let right = other.shape == outputShape ? nil : BroadcastIndexer(from: other.shape, to: outputShape)
        var result = [Scalar](repeating: 0, count: total)
        scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { out in
                    @inline(__always) func run(_ combine: (Scalar, Scalar) -> Scalar) {
                        switch (left, right) {
                        case (nil, nil): for i in 0..<total { out[i] = combine(a[i], b[i]) }
                        case let (nil, r?): for i in 0..<total { out[i] = combine(a[i], b[r.sourceIndex(i)]) }
                        case let (l?, nil): for i in 0..<total { out[i] = combine(a[l.sourceIndex(i)], b[i]) }
                        case let (l?, r?): for i in 0..<total { out[i] = combine(a[l.sourceIndex(i)], b[r.sourceIndex(i)]) }
                        }
                    }
                    switch op {
                    case .add: run(+)
                    case .subtract: run(-)
                    case .multiply: run(*)
                    case .divide: run(/)
                    }
                }
            }
        }
        return Tensor(shape: outputShape, scalars: result)
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

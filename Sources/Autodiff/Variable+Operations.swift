import TensorModule

// Every differentiable operation and its gradient rule, side by side (one table, as in
// tinygrad / micrograd). Rules use only operations from this file, so gradients of
// gradients work for all of them. `g` is dL/dy, `y` the result, `x` the inputs.

extension Variable {
    // MARK: Arithmetic with broadcasting

    public static func + (lhs: Variable, rhs: Variable) -> Variable {
        Variable(lhs.value + rhs.value, inputs: [lhs, rhs]) { g, _, x, needed in
            [needed[0] ? g.sum(toShape: x[0].shape) : nil, needed[1] ? g.sum(toShape: x[1].shape) : nil]
        }
    }

    public static func - (lhs: Variable, rhs: Variable) -> Variable {
        Variable(lhs.value - rhs.value, inputs: [lhs, rhs]) { g, _, x, needed in
            [needed[0] ? g.sum(toShape: x[0].shape) : nil, needed[1] ? (-g).sum(toShape: x[1].shape) : nil]
        }
    }

    public static func * (lhs: Variable, rhs: Variable) -> Variable {
        Variable(lhs.value * rhs.value, inputs: [lhs, rhs]) { g, _, x, needed in
            [needed[0] ? (g * x[1]).sum(toShape: x[0].shape) : nil, needed[1] ? (g * x[0]).sum(toShape: x[1].shape) : nil]
        }
    }

    public static func / (lhs: Variable, rhs: Variable) -> Variable {
        Variable(lhs.value / rhs.value, inputs: [lhs, rhs]) { g, _, x, needed in
            [needed[0] ? (g / x[1]).sum(toShape: x[0].shape) : nil,
             needed[1] ? (-(g * x[0]) / (x[1] * x[1])).sum(toShape: x[1].shape) : nil]
        }
    }

    public static prefix func - (operand: Variable) -> Variable {
        Variable(-operand.value, inputs: [operand]) { g, _, _, _ in [-g] }
    }

    /// Multiplication by a constant.
    public static func * (lhs: Variable, rhs: Scalar) -> Variable {
        Variable(lhs.value * rhs, inputs: [lhs]) { g, _, _, _ in [g * rhs] }
    }

    /// Addition of a constant.
    public static func + (lhs: Variable, rhs: Scalar) -> Variable {
        Variable(lhs.value + rhs, inputs: [lhs]) { g, _, _, _ in [g] }
    }

    // MARK: Broadcasting and reductions

    /// The sum over the axes along which `target` broadcasts to this shape (`[]`: all).
    public func sum(toShape target: [Int]) -> Variable {
        if shape == target { return self }
        return Variable(value.sum(toShape: target), inputs: [self]) { g, _, x, _ in [g.broadcast(to: x[0].shape)] }
    }

    /// The value repeated along extent-1 axes to `target`.
    public func broadcast(to target: [Int]) -> Variable {
        if shape == target { return self }
        return Variable(value.broadcast(to: target), inputs: [self]) { g, _, x, _ in [g.sum(toShape: x[0].shape)] }
    }

    /// The sum of all elements, shape [].
    public func sum() -> Variable { sum(toShape: []) }

    /// The mean of all elements, shape [].
    public func mean() -> Variable { sum() * (1 / Scalar(value.count)) }

    /// The sum over `axes`, kept with extent 1.
    public func sum(alongAxes axes: Set<Int>) -> Variable {
        sum(toShape: shape.enumerated().map { axes.contains($0.offset) ? 1 : $0.element })
    }

    /// The mean over `axes`, kept with extent 1.
    public func mean(alongAxes axes: Set<Int>) -> Variable {
        sum(alongAxes: axes) * (1 / Scalar(axes.reduce(1) { $0 * shape[$1] }))
    }

    // MARK: Shape

    public func reshaped(_ newShape: [Int]) -> Variable {
        Variable(value.reshaped(newShape), inputs: [self]) { g, _, x, _ in [g.reshaped(x[0].shape)] }
    }

    /// Axes reordered: result axis i is axis `axes[i]`.
    public func permuted(_ axes: [Int]) -> Variable {
        var inverse = [Int](repeating: 0, count: axes.count)
        for (position, axis) in axes.enumerated() { inverse[axis] = position }
        return Variable(value.permuted(axes), inputs: [self]) { g, _, _, _ in [g.permuted(inverse)] }
    }

    // MARK: Linear algebra

    /// op(A) op(B) through BLAS; the gradient rules are the four transposition cases of
    /// dA = g op(B)^T and dB = op(A)^T g.
    public func matmul(_ other: Variable, transposeSelf: Bool = false, transposeOther: Bool = false) -> Variable {
        Variable(value.matmul(other.value, transposeSelf: transposeSelf, transposeOther: transposeOther),
                 inputs: [self, other]) { g, _, x, needed in
            let (a, b) = (x[0], x[1])
            switch (transposeSelf, transposeOther) {
            case (false, false):
                return [needed[0] ? g.matmul(b, transposeOther: true) : nil, needed[1] ? a.matmul(g, transposeSelf: true) : nil]
            case (false, true):
                return [needed[0] ? g.matmul(b) : nil, needed[1] ? g.matmul(a, transposeSelf: true) : nil]
            case (true, false):
                return [needed[0] ? b.matmul(g, transposeOther: true) : nil, needed[1] ? a.matmul(g) : nil]
            case (true, true):
                return [needed[0] ? b.matmul(g, transposeSelf: true, transposeOther: true) : nil,
                        needed[1] ? g.matmul(a, transposeSelf: true, transposeOther: true) : nil]
            }
        }
    }

    // MARK: Pointwise functions

    /// e^x; d/dx = e^x.
    public func exp() -> Variable {
        Variable(value.applying(.exp), inputs: [self]) { g, y, _, _ in [g * y] }
    }

    /// log x; d/dx = 1/x.
    public func log() -> Variable {
        Variable(value.applying(.log), inputs: [self]) { g, _, x, _ in [g / x[0]] }
    }

    /// tanh x; d/dx = 1 - tanh^2 x.
    public func tanh() -> Variable {
        Variable(value.applying(.tanh), inputs: [self]) { g, y, _, _ in [g.tanhBackward(result: y)] }
    }

    /// sigma(x) = 1/(1 + e^-x); d/dx = sigma(x)(1 - sigma(x)).
    public func sigmoid() -> Variable {
        Variable(value.applying(.sigmoid), inputs: [self]) { g, y, _, _ in [g.sigmoidBackward(result: y)] }
    }

    /// g (y - y^2) for g = self = dL/dy and y = sigma(x), in one pass; linear in g, and
    /// d/dy = g (1 - 2y).
    func sigmoidBackward(result y: Variable) -> Variable {
        Variable(value.combining(.sigmoidBackward, with: y.value), inputs: [self, y]) { h, _, x, needed in
            [needed[0] ? h.sigmoidBackward(result: x[1]) : nil,
             needed[1] ? h * x[0] - h * x[0] * x[1] * 2 : nil]
        }
    }

    /// g (1 - y^2) for g = self = dL/dy and y = tanh x, in one pass; linear in g, and
    /// d/dy = -2 g y.
    func tanhBackward(result y: Variable) -> Variable {
        Variable(value.combining(.tanhBackward, with: y.value), inputs: [self, y]) { h, _, x, needed in
            [needed[0] ? h.tanhBackward(result: x[1]) : nil,
             needed[1] ? h * x[0] * x[1] * -2 : nil]
        }
    }

    /// softplus(x) = log(1 + e^x), computed stably; d/dx = sigma(x).
    public func softplus() -> Variable {
        Variable(value.applying(.softplus), inputs: [self]) { g, _, x, _ in
            [g * x[0].sigmoid()]
        }
    }

    /// max(x, 0); d/dx = 1 for x > 0, else 0 (a constant mask: the second derivative is 0).
    public func relu() -> Variable { leakyRelu(slope: 0) }

    /// x for x > 0, slope x otherwise.
    public func leakyRelu(slope: Scalar) -> Variable {
        Variable(value.applying(.leakyRelu(slope: Double(slope))), inputs: [self]) { g, _, x, _ in
            [g.leakyReluBackward(input: x[0], slope: slope)]
        }
    }

    /// g for x > 0 and slope g otherwise, for g = self = dL/dy and the input x, in one pass;
    /// linear in g with the same mask, and constant in x (the second derivative is 0).
    func leakyReluBackward(input x: Variable, slope: Scalar) -> Variable {
        Variable(value.combining(.leakyReluBackward(slope: Double(slope)), with: x.value), inputs: [self]) { h, _, _, _ in
            [h.leakyReluBackward(input: x, slope: slope)]
        }
    }

    /// |x|; d/dx = sign x.
    public func abs() -> Variable {
        Variable(value.applying(.abs), inputs: [self]) { g, _, x, _ in
            [g * Variable(x[0].value.applying(.sign))]
        }
    }

    /// sqrt x; d/dx = 1 / (2 sqrt x).
    public func sqrt() -> Variable {
        Variable(value.applying(.sqrt), inputs: [self]) { g, y, _, _ in [g / (y * 2)] }
    }

    /// x^p for a constant p; d/dx = p x^(p-1).
    public func pow(_ exponent: Scalar) -> Variable {
        Variable(value.applying(.power(Double(exponent))), inputs: [self]) { g, _, x, _ in
            [g * x[0].pow(exponent - 1) * exponent]
        }
    }

    /// x^2; d/dx = 2x.
    public func squared() -> Variable {
        Variable(value.applying(.square), inputs: [self]) { g, _, x, _ in [g * x[0] * 2] }
    }

    // MARK: Convolution (three mutually adjoint linear maps)

    /// NCHW convolution with filters [O, C, K, K] (see `Tensor.conv2d`).
    public func conv2d(_ filter: Variable, stride: Int = 1, padding: Padding = .valid) -> Variable {
        Variable(value.conv2d(filter.value, stride: stride, padding: padding), inputs: [self, filter]) { g, _, x, needed in
            [needed[0] ? g.conv2dInputGradient(filter: x[1], inputShape: x[0].shape, stride: stride, padding: padding) : nil,
             needed[1] ? g.conv2dFilterGradient(input: x[0], filterShape: x[1].shape, stride: stride, padding: padding) : nil]
        }
    }

    /// dL/dx of a convolution given dL/dy (self); linear in both self and the filter.
    public func conv2dInputGradient(filter: Variable, inputShape: [Int], stride: Int, padding: Padding) -> Variable {
        Variable(value.conv2dInputGradient(filter: filter.value, inputShape: inputShape, stride: stride, padding: padding),
                 inputs: [self, filter]) { h, _, x, needed in
            [needed[0] ? h.conv2d(x[1], stride: stride, padding: padding) : nil,
             needed[1] ? x[0].conv2dFilterGradient(input: h, filterShape: x[1].shape, stride: stride, padding: padding) : nil]
        }
    }

    /// dL/dw of a convolution given dL/dy (self); linear in both self and the input.
    public func conv2dFilterGradient(input: Variable, filterShape: [Int], stride: Int, padding: Padding) -> Variable {
        Variable(value.conv2dFilterGradient(input: input.value, filterShape: filterShape, stride: stride, padding: padding),
                 inputs: [self, input]) { h, _, x, needed in
            [needed[0] ? x[1].conv2d(h, stride: stride, padding: padding) : nil,
             needed[1] ? x[0].conv2dInputGradient(filter: h, inputShape: x[1].shape, stride: stride, padding: padding) : nil]
        }
    }

    // MARK: Pooling and normalisation windows

    /// Max pooling: the maximum of each window; the gradient goes to the element that won.
    public func maxPool2d(size: Int, stride: Int, padding: Padding = .valid) -> Variable {
        let (output, indices) = value.maxPool2d(size: size, stride: stride, padding: padding)
        return gather(flatIndices: indices, shape: output.shape)
    }

    /// y[i] = x[indices[i]].
    public func gather(flatIndices indices: [Int], shape target: [Int]) -> Variable {
        Variable(value.gather(flatIndices: indices, shape: target), inputs: [self]) { g, _, x, _ in
            [g.scatterAdd(flatIndices: indices, shape: x[0].shape)]
        }
    }

    /// The adjoint of `gather`: x[indices[i]] += self[i] into zeros of shape `target`.
    public func scatterAdd(flatIndices indices: [Int], shape target: [Int]) -> Variable {
        Variable(value.scatterAdd(flatIndices: indices, shape: target), inputs: [self]) { h, _, x, _ in
            [h.gather(flatIndices: indices, shape: x[0].shape)]
        }
    }

    /// Average pooling (padding not counted).
    public func averagePool2d(size: Int, stride: Int, padding: Padding = .valid) -> Variable {
        Variable(value.averagePool2d(size: size, stride: stride, padding: padding), inputs: [self]) { g, _, x, _ in
            [g.averagePool2dAdjoint(inputShape: x[0].shape, size: size, stride: stride, padding: padding)]
        }
    }

    /// The adjoint of `averagePool2d`, spreading each output gradient over its window.
    public func averagePool2dAdjoint(inputShape: [Int], size: Int, stride: Int, padding: Padding) -> Variable {
        Variable(value.averagePool2dAdjoint(inputShape: inputShape, size: size, stride: stride, padding: padding),
                 inputs: [self]) { h, _, _, _ in [h.averagePool2d(size: size, stride: stride, padding: padding)] }
    }

    /// The sum over `size` neighbouring channels (odd `size`: the map is self-adjoint).
    public func channelWindowSum(size: Int) -> Variable {
        precondition(size % 2 == 1, "channelWindowSum needs an odd window, got \(size)")
        return Variable(value.channelWindowSum(size: size), inputs: [self]) { g, _, _, _ in [g.channelWindowSum(size: size)] }
    }

    // MARK: Softmax

    /// log softmax over the last axis of [N, K]: x - m - log sum exp(x - m), with the row
    /// maximum m held constant (exact, and stable).
    public func logSoftmax() -> Variable {
        let shifted = self - Variable(value.maxRows())
        return shifted - shifted.exp().sum(alongAxes: [1]).log()
    }

    /// softmax over the last axis of [N, K].
    public func softmax() -> Variable { logSoftmax().exp() }
}

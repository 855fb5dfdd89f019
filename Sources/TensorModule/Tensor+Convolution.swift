extension Tensor {
    /// 2-D cross-correlation of NCHW input [N, C, H, W] with filters [O, C, K, K]:
    /// y[n, o, i, j] = sum_{c, a, b} w[o, c, a, b] x[n, c, i s + a - pad, j s + b - pad],
    /// computed as one GEMM over an im2col matrix of the whole batch. Returns [N, O, OH, OW].
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func conv2d(_ filter: Tensor, stride: Int, padding: Padding) -> Tensor {
        let geometry = convolutionGeometry(filter: filter, stride: stride, padding: padding)
        let (n, o) = (shape[0], filter.shape[0])
        let columns = im2col(geometry)
        let product = filter.reshaped([o, -1]).matmul(columns)
        return product.reshaped([o, n, geometry.outputHeight * geometry.outputWidth])
            .permuted([1, 0, 2]).reshaped([n, o, geometry.outputHeight, geometry.outputWidth])
    }

    /// The adjoint of `conv2d` in its input: given dL/dy [N, O, OH, OW] (self) and filters,
    /// dL/dx of shape `inputShape`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func conv2dInputGradient(filter: Tensor, inputShape: [Int], stride: Int, padding: Padding) -> Tensor {
        let geometry = WindowGeometry(inputHeight: inputShape[2], inputWidth: inputShape[3],
                                      window: filter.shape[2], stride: stride, padding: padding)
        let o = filter.shape[0]
        let gradient = permuted([1, 0, 2, 3]).reshaped([o, -1])
        let columns = filter.reshaped([o, -1]).matmul(gradient, transposeSelf: true)
        return columns.col2im(geometry, shape: inputShape)
    }

    /// The adjoint of `conv2d` in its filter: given dL/dy [N, O, OH, OW] (self) and the
    /// input, dL/dw of shape `filterShape`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func conv2dFilterGradient(input: Tensor, filterShape: [Int], stride: Int, padding: Padding) -> Tensor {
        let geometry = WindowGeometry(inputHeight: input.shape[2], inputWidth: input.shape[3],
                                      window: filterShape[2], stride: stride, padding: padding)
        let o = filterShape[0]
        let gradient = permuted([1, 0, 2, 3]).reshaped([o, -1])
        return gradient.matmul(input.im2col(geometry), transposeOther: true).reshaped(filterShape)
    }

    private func convolutionGeometry(filter: Tensor, stride: Int, padding: Padding) -> WindowGeometry {
        precondition(rank == 4 && filter.rank == 4 && filter.shape[1] == shape[1] && filter.shape[2] == filter.shape[3],
                     "conv2d needs input [N, C, H, W] and square filters [O, C, K, K]; got \(shape) and \(filter.shape)")
        return WindowGeometry(inputHeight: shape[2], inputWidth: shape[3], window: filter.shape[2],
                              stride: stride, padding: padding)
    }

    /// [C K K, N OH OW]: column (n, i, j) holds the input patch under output position (i, j).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func im2col(_ g: WindowGeometry) -> Tensor {
        let (n, c, k) = (shape[0], shape[1], g.window)
        let width = n * g.outputHeight * g.outputWidth
        var result = [Scalar](repeating: 0, count: c * k * k * width)
        scalars.withUnsafeBufferPointer { x in
            result.withUnsafeMutableBufferPointer { out in
                Self.forEachPatchEntry(g, images: n, channels: c) { column, input in out[column] = x[input] }
            }
        }
        return Tensor(shape: [c * k * k, width], scalars: result)
    }

    /// The adjoint of `im2col`: sums every column entry back into its input position.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func col2im(_ g: WindowGeometry, shape target: [Int]) -> Tensor {
        var result = [Scalar](repeating: 0, count: target.reduce(1, *))
        scalars.withUnsafeBufferPointer { cols in
            result.withUnsafeMutableBufferPointer { x in
                Self.forEachPatchEntry(g, images: target[0], channels: target[1]) { column, input in x[input] += cols[column] }
            }
        }
        return Tensor(shape: target, scalars: result)
    }

    /// Visits every (im2col entry, input element) pair that lies inside the input, skipping
    /// padding: entry ((c K + a) K + b, (n OH + i) OW + j) and input (n, c, i s + a - pad, j s + b - pad).
    @inline(__always)
    private static func forEachPatchEntry(_ g: WindowGeometry, images n: Int, channels c: Int, _ body: (Int, Int) -> Void) {
        let (h, w, k) = (g.inputHeight, g.inputWidth, g.window)
        let positions = g.outputHeight * g.outputWidth
        let width = n * positions
        for channel in 0..<c {
            for a in 0..<k {
                for b in 0..<k {
                    let row = ((channel * k + a) * k + b) * width
                    for image in 0..<n {
                        let plane = (image * c + channel) * h * w
                        for i in 0..<g.outputHeight {
                            let y = i * g.stride + a - g.padTop
                            guard y >= 0 && y < h else { continue }
                            let base = row + image * positions + i * g.outputWidth
                            for j in 0..<g.outputWidth {
                                let xx = j * g.stride + b - g.padLeft
                                if xx >= 0 && xx < w { body(base + j, plane + y * w + xx) }
                            }
                        }
                    }
                }
            }
        }
    }
}

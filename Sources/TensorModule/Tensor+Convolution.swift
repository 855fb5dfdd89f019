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

    /// [C K K, N OH OW]: column (n, i, j) holds the input patch under output position (i, j)
    /// (zero where the patch covers padding).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func im2col(_ g: WindowGeometry) -> Tensor {
        let (n, c, k) = (shape[0], shape[1], g.window)
        let width = n * g.outputHeight * g.outputWidth
        if g.stride == 1 && g.outputWidth == g.inputWidth { return shiftedPlanesIm2col(g) }
        return scalars.withUnsafeBufferPointer { x in
            Tensor(shape: [c * k * k, width]) { out in
                Self.forEachPatchRow(g, images: n, channels: c) { entry, input, columns in
                    let end = entry + g.outputWidth
                    guard let input else {
                        for index in entry..<end { out[index] = 0 }
                        return
                    }
                    for index in entry..<(entry + columns.lowerBound) { out[index] = 0 }
                    if g.stride == 1 {
                        for j in columns { out[entry + j] = x[input + j] }
                    } else {
                        for j in columns { out[entry + j] = x[input + j * g.stride] }
                    }
                    for index in (entry + columns.upperBound)..<end { out[index] = 0 }
                }
            }
        }
    }

    /// `im2col` for stride 1 with output rows as wide as input rows ('same' padding): the
    /// entries of patch offset (a, b) for one image are the input plane shifted by
    /// (a - pad) W + (b - pad), so the rows inside the input are one contiguous copy, after
    /// which the columns that wrapped around a row edge, and the rows in the padding, are zeroed.
    private func shiftedPlanesIm2col(_ g: WindowGeometry) -> Tensor {
        let (n, c, k, h, w) = (shape[0], shape[1], g.window, g.inputHeight, g.inputWidth)
        let plane = g.outputHeight * w
        return scalars.withUnsafeBufferPointer { x in
            Tensor(shape: [c * k * k, n * plane]) { out in
                ParallelChunks.run(count: n, elementsPerIteration: c * k * k * plane) { images in
                    for channel in 0..<c {
                        for a in 0..<k {
                            let rows = g.rowsInside(offset: a)
                            for b in 0..<k {
                                let columns = g.columnsInside(offset: b)
                                let shift = (a - g.padTop) * w + b - g.padLeft
                                for image in images {
                                    let entry = ((channel * k + a) * k + b) * n * plane + image * plane
                                    let input = (image * c + channel) * h * w
                                    for index in entry..<(entry + rows.lowerBound * w) { out[index] = 0 }
                                    // Within the rows inside, only a wrapped column can fall off the plane's ends.
                                    let (first, last) = (max(rows.lowerBound * w, -shift), min(rows.upperBound * w, h * w - shift))
                                    for index in first..<max(last, first) { out[entry + index] = x[input + index + shift] }
                                    for index in (entry + rows.upperBound * w)..<(entry + plane) { out[index] = 0 }
                                    for i in rows {
                                        for j in 0..<columns.lowerBound { out[entry + i * w + j] = 0 }
                                        for j in columns.upperBound..<w { out[entry + i * w + j] = 0 }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The adjoint of `im2col`: sums every column entry back into its input position.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func col2im(_ g: WindowGeometry, shape target: [Int]) -> Tensor {
        var result = [Scalar](repeating: 0, count: target.reduce(1, *))
        scalars.withUnsafeBufferPointer { cols in
            result.withUnsafeMutableBufferPointer { x in
                Self.forEachPatchRow(g, images: target[0], channels: target[1]) { entry, input, columns in
                    guard let input else { return }
                    if g.stride == 1 {
                        for j in columns { x[input + j] += cols[entry + j] }
                    } else {
                        for j in columns { x[input + j * g.stride] += cols[entry + j] }
                    }
                }
            }
        }
        return Tensor(shape: target, scalars: result)
    }

    /// Visits the im2col matrix in runs of one output row: for patch entry (c, a, b), image n
    /// and output row i, `body(entry, input, columns)` gets the flat index of the run's first
    /// entry ((c K + a) K + b, (n OH + i) OW), the flat input index that output column 0 would
    /// read, x[n, c, i s + a - pad, b - pad] (nil when that input row is padding), and the output
    /// columns j whose input x[..., j s + b - pad] lies inside the input (input index + j s).
    /// Images are split across cores; each image's entries and input planes are its own.
    @inline(__always)
    private static func forEachPatchRow(_ g: WindowGeometry, images n: Int, channels c: Int,
                                        _ body: (_ entry: Int, _ input: Int?, _ columns: Range<Int>) -> Void) {
        let (h, w, k) = (g.inputHeight, g.inputWidth, g.window)
        let positions = g.outputHeight * g.outputWidth
        let width = n * positions
        ParallelChunks.run(count: n, elementsPerIteration: c * k * k * positions) { images in
            for channel in 0..<c {
                for a in 0..<k {
                    let rows = g.rowsInside(offset: a)
                    for b in 0..<k {
                        let row = ((channel * k + a) * k + b) * width
                        let columns = g.columnsInside(offset: b)
                        for image in images {
                            let plane = (image * c + channel) * h * w
                            for i in 0..<g.outputHeight {
                                let input = rows.contains(i) ? plane + (i * g.stride + a - g.padTop) * w + b - g.padLeft : nil
                                body(row + image * positions + i * g.outputWidth, input, columns)
                            }
                        }
                    }
                }
            }
        }
    }
}

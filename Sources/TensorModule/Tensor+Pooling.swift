extension Tensor {
    /// Max pooling of NCHW input over square windows: y = x[argmax over the window]. Returns
    /// the pooled [N, C, OH, OW] tensor and, for each output, the flat index of the input
    /// element it took (padding never wins), which `gather` and `scatterAdd` use for the gradient.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func maxPool2d(size: Int, stride: Int, padding: Padding) -> (output: Tensor, indices: [Int]) {
        let g = WindowGeometry(inputHeight: shape[2], inputWidth: shape[3], window: size, stride: stride, padding: padding)
        let (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3])
        let rows = (0..<size).map { g.rowsInside(offset: $0) }
        let columns = (0..<size).map { g.columnsInside(offset: $0) }
        // Without padding inside the windows, no window position needs a bounds check.
        let inside = rows.allSatisfy { $0 == 0..<g.outputHeight } && columns.allSatisfy { $0 == 0..<g.outputWidth }
        var indices = [Int](repeating: 0, count: n * c * g.outputHeight * g.outputWidth)
        let output = scalars.withUnsafeBufferPointer { x in
            indices.withUnsafeMutableBufferPointer { chosen in
                Tensor<Scalar>(shape: [n, c, g.outputHeight, g.outputWidth]) { out in
                    let outputsPerPlane = g.outputHeight * g.outputWidth
                    ParallelChunks.run(count: n * c, elementsPerIteration: h * w) { planes in
                        for plane in planes {
                            let base = plane * h * w
                            for i in 0..<g.outputHeight {
                                for j in 0..<g.outputWidth {
                                    var best = -Scalar.infinity, bestIndex = -1
                                    let corner = base + (i * stride - g.padTop) * w + j * stride - g.padLeft
                                    if inside {
                                        for a in 0..<size {
                                            for index in (corner + a * w)..<(corner + a * w + size) where bestIndex < 0 || x[index] > best {
                                                best = x[index]
                                                bestIndex = index
                                            }
                                        }
                                    } else {
                                        for a in 0..<size where rows[a].contains(i) {
                                            for b in 0..<size where columns[b].contains(j) {
                                                let index = corner + a * w + b
                                                if bestIndex < 0 || x[index] > best { best = x[index]; bestIndex = index }
                                            }
                                        }
                                    }
                                    let position = plane * outputsPerPlane + i * g.outputWidth + j
                                    out[position] = best
                                    chosen[position] = bestIndex
                                }
                            }
                        }
                    }
                }
            }
        }
        return (output, indices)
    }

    /// y[i] = x[indices[i]] with the result shaped `shape`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func gather(flatIndices indices: [Int], shape target: [Int]) -> Tensor {
        scalars.withUnsafeBufferPointer { x in Tensor(shape: target, scalars: indices.map { x[$0] }) }
    }

    /// The adjoint of `gather`: a zero tensor of shape `target` with x[indices[i]] += self[i].
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func scatterAdd(flatIndices indices: [Int], shape target: [Int]) -> Tensor {
        var result = [Scalar](repeating: 0, count: target.reduce(1, *))
        for (i, index) in indices.enumerated() { result[index] += scalars[i] }
        return Tensor(shape: target, scalars: result)
    }

    /// Average pooling of NCHW input: the mean over the window's positions inside the input
    /// (padding is not counted, as TensorFlow's 'SAME').
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func averagePool2d(size: Int, stride: Int, padding: Padding) -> Tensor {
        let g = WindowGeometry(inputHeight: shape[2], inputWidth: shape[3], window: size, stride: stride, padding: padding)
        var output = [Scalar](repeating: 0, count: shape[0] * shape[1] * g.outputHeight * g.outputWidth)
        forEachWindow(g, planes: shape[0] * shape[1]) { position, inputIndices in
            var total: Scalar = 0
            for index in inputIndices { total += scalars[index] }
            output[position] = total / Scalar(inputIndices.count)
        }
        return Tensor(shape: [shape[0], shape[1], g.outputHeight, g.outputWidth], scalars: output)
    }

    /// The adjoint of `averagePool2d`: each output's gradient (self) spread evenly over its
    /// window, into a tensor of `inputShape`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func averagePool2dAdjoint(inputShape: [Int], size: Int, stride: Int, padding: Padding) -> Tensor {
        let g = WindowGeometry(inputHeight: inputShape[2], inputWidth: inputShape[3], window: size, stride: stride, padding: padding)
        var result = [Scalar](repeating: 0, count: inputShape.reduce(1, *))
        forEachWindow(g, planes: inputShape[0] * inputShape[1]) { position, inputIndices in
            let share = scalars[position] / Scalar(inputIndices.count)
            for index in inputIndices { result[index] += share }
        }
        return Tensor(shape: inputShape, scalars: result)
    }

    /// Sums each NCHW element's `size` neighbouring channels, c - size/2 ... c + (size-1)/2
    /// clipped to the channels that exist (the denominator of local response normalisation).
    /// The operation is self-adjoint when `size` is odd.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func channelWindowSum(size: Int) -> Tensor {
        let (n, c, plane) = (shape[0], shape[1], shape[2] * shape[3])
        var result = [Scalar](repeating: 0, count: count)
        scalars.withUnsafeBufferPointer { x in
            for image in 0..<n {
                for channel in 0..<c {
                    let out = (image * c + channel) * plane
                    for neighbour in max(0, channel - size / 2)...min(c - 1, channel + (size - 1) / 2) {
                        let source = (image * c + neighbour) * plane
                        for p in 0..<plane { result[out + p] += x[source + p] }
                    }
                }
            }
        }
        return Tensor(shape: shape, scalars: result)
    }

    /// Calls `body(outputPosition, inputFlatIndices)` for every pooling window.
    private func forEachWindow(_ g: WindowGeometry, planes: Int, _ body: (Int, [Int]) -> Void) {
        var position = 0
        var window: [Int] = []
        for plane in 0..<planes {
            let base = plane * g.inputHeight * g.inputWidth
            for i in 0..<g.outputHeight {
                for j in 0..<g.outputWidth {
                    window.removeAll(keepingCapacity: true)
                    for a in 0..<g.window {
                        let y = i * g.stride + a - g.padTop
                        guard y >= 0 && y < g.inputHeight else { continue }
                        for b in 0..<g.window {
                            let x = j * g.stride + b - g.padLeft
                            if x >= 0 && x < g.inputWidth { window.append(base + y * g.inputWidth + x) }
                        }
                    }
                    body(position, window)
                    position += 1
                }
            }
        }
    }
}

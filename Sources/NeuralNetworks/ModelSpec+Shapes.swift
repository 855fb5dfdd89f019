import TensorModule

extension ModelSpec {
    /// The shape of one example after each layer (batch axis left out), checking that every
    /// layer fits its input and has valid hyperparameters.
    ///
    /// Convolution and pooling give floor((H - window) / stride) + 1 positions with 'valid'
    /// padding and ceil(H / stride) with 'same' (`WindowGeometry`); flatten gives
    /// [product of the input's extents]; every other layer keeps its input's shape.
    /// - Throws: `ModelSpecError` naming the first layer that does not fit, e.g. a dense
    ///   layer after a convolution with no flatten between.
    public func layerOutputShapes() throws -> [[Int]] {
        guard !inputShape.isEmpty, inputShape.allSatisfy({ $0 >= 1 }) else {
            throw ModelSpecError(location: "inputShape", problem: "needs positive extents, got \(inputShape)")
        }
        var shape = inputShape
        var shapes: [[Int]] = []
        for (index, layer) in layers.enumerated() {
            func fail(_ problem: String) -> ModelSpecError { ModelSpecError(layer: index, layer, problem) }
            func image() throws -> (channels: Int, height: Int, width: Int) {
                guard shape.count == 3 else { throw fail("needs [channels, height, width] inputs, got \(shape)") }
                return (shape[0], shape[1], shape[2])
            }
            func window(_ size: Int, _ stride: Int, _ padding: Padding) throws -> WindowGeometry {
                let (_, height, width) = try image()
                guard size >= 1, stride >= 1 else { throw fail("needs a positive window and stride, got \(size) and \(stride)") }
                guard padding == .same || (size <= height && size <= width) else {
                    throw fail("its \(size)x\(size) window is larger than the \(height)x\(width) input; use 'same' padding or a smaller window")
                }
                return WindowGeometry(inputHeight: height, inputWidth: width, window: size, stride: stride, padding: padding)
            }
            switch layer {
            case let .dense(units, _):
                guard shape.count == 1 else { throw fail("needs flat inputs, got shape \(shape); add a flatten layer before it") }
                guard units >= 1 else { throw fail("needs at least one unit, got \(units)") }
                shape = [units]
            case let .conv2d(filters, kernel, stride, padding, _):
                guard filters >= 1 else { throw fail("needs at least one filter, got \(filters)") }
                let geometry = try window(kernel, stride, padding)
                shape = [filters, geometry.outputHeight, geometry.outputWidth]
            case let .maxPool(size, stride, padding), let .averagePool(size, stride, padding):
                let geometry = try window(size, stride, padding)
                shape = [shape[0], geometry.outputHeight, geometry.outputWidth]
            case let .lpPool(p, size, stride, padding):
                guard p >= 1 else { throw fail("needs p >= 1, got \(p)") }
                guard padding == .valid else { throw fail("needs 'valid' padding, so that every window is whole") }
                let geometry = try window(size, stride, padding)
                shape = [shape[0], geometry.outputHeight, geometry.outputWidth]
            case let .batchNorm(momentum, epsilon):
                guard shape.count == 1 || shape.count == 3 else {
                    throw fail("normalises [features] or [channels, height, width] inputs, got \(shape)")
                }
                guard (0...1).contains(momentum), epsilon >= 0 else {
                    throw fail("needs momentum in [0, 1] and epsilon >= 0, got \(momentum) and \(epsilon)")
                }
            case let .localResponseNorm(size, k, _, beta, _):
                _ = try image()
                guard size >= 1, size % 2 == 1 else { throw fail("needs an odd window of channels, got \(size)") }
                guard k > 0, beta >= 0 else {
                    throw fail("needs k > 0 and beta >= 0 (the denominator (k + alpha' sum a^2)^beta), got k = \(k), beta = \(beta)")
                }
            case let .dropout(rate):
                guard (0..<1).contains(rate) else { throw fail("needs a rate in [0, 1), got \(rate)") }
            case .flatten:
                shape = [shape.reduce(1, *)]
            case .activation, .leakyReLU:
                break
            }
            shapes.append(shape)
        }
        return shapes
    }
}

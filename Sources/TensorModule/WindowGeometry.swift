/// Where a square window (convolution kernel or pooling window) of side `window` with
/// `stride` lands on an H x W plane, TensorFlow's convention: 'valid' gives
/// floor((H - window) / stride) + 1 outputs, 'same' gives ceil(H / stride) with
/// max((out - 1) stride + window - H, 0) padding, the smaller half before.
public struct WindowGeometry: Sendable, Equatable {
    public let inputHeight: Int, inputWidth: Int
    public let window: Int, stride: Int
    public let padTop: Int, padLeft: Int
    public let outputHeight: Int, outputWidth: Int

    public init(inputHeight: Int, inputWidth: Int, window: Int, stride: Int, padding: Padding) {
        precondition(window >= 1 && stride >= 1, "window \(window) and stride \(stride) must be positive")
        self.inputHeight = inputHeight
        self.inputWidth = inputWidth
        self.window = window
        self.stride = stride
        func extent(_ input: Int) -> (output: Int, before: Int) {
            switch padding {
            case .valid:
                precondition(input >= window, "window \(window) is larger than the input extent \(input)")
                return ((input - window) / stride + 1, 0)
            case .same:
                let output = (input + stride - 1) / stride
                return (output, max((output - 1) * stride + window - input, 0) / 2)
            }
        }
        (outputHeight, padTop) = extent(inputHeight)
        (outputWidth, padLeft) = extent(inputWidth)
    }

    /// The output rows i whose input row i * stride + offset - padTop lies inside the input.
    public func rowsInside(offset: Int) -> Range<Int> {
        positionsInside(offset: offset - padTop, extent: inputHeight, outputs: outputHeight)
    }

    /// The output columns j whose input column j * stride + offset - padLeft lies inside the input.
    public func columnsInside(offset: Int) -> Range<Int> {
        positionsInside(offset: offset - padLeft, extent: inputWidth, outputs: outputWidth)
    }

    /// The positions p in 0..<outputs with 0 <= p * stride + offset < extent: from
    /// ceil(-offset / stride) up to ceil((extent - offset) / stride), clipped.
    private func positionsInside(offset: Int, extent: Int, outputs: Int) -> Range<Int> {
        func ceilingDivision(_ numerator: Int) -> Int {
            numerator >= 0 ? (numerator + stride - 1) / stride : -(-numerator / stride)
        }
        let low = min(max(ceilingDivision(-offset), 0), outputs)
        return low..<max(min(ceilingDivision(extent - offset), outputs), low)
    }
}

import TensorModule

/// One layer of a Sequential model, as written in a `ModelSpec`'s JSON
/// (`{"type": "conv2d", "filters": 32, "kernel": 3, "stride": 1, "padding": "same"}`).
public enum LayerSpec: Codable, Sendable, Equatable {
    /// y = x W + b with `units` outputs (W is [inputs, units]).
    case dense(units: Int, bias: Bool = true)
    /// NCHW convolution with `filters` square kernels of side `kernel`.
    case conv2d(filters: Int, kernel: Int, stride: Int = 1, padding: Padding = .valid, bias: Bool = true)
    /// Maximum over square windows.
    case maxPool(size: Int, stride: Int, padding: Padding = .valid)
    /// Mean over square windows.
    case averagePool(size: Int, stride: Int, padding: Padding = .valid)
    /// (sum |x|^p)^(1/p) over square windows (Peck et al. 2017, Thm 5.3).
    case lpPool(p: Double, size: Int, stride: Int, padding: Padding = .valid)
    /// Batch normalisation over channels (NCHW) or features ([N, D]).
    case batchNorm(momentum: Double = 0.1, epsilon: Double = 1e-5)
    /// Local response normalisation across channels, b = a / (k + alpha' sum a^2)^beta over
    /// `size` neighbouring channels, alpha' = alpha / size when `alphaPerWindow` (Caffe), else
    /// alpha (Krizhevsky et al. 2012, the form Peck et al. 2017 write).
    case localResponseNorm(size: Int, k: Double, alpha: Double, beta: Double, alphaPerWindow: Bool = true)
    /// Zeroes each input with probability `rate` in training, scaling the rest by 1/(1 - rate).
    case dropout(rate: Double)
    /// Reshapes [N, ...] to [N, product of the rest].
    case flatten
    /// A pointwise non-linearity.
    case activation(Activation)
    /// Leaky ReLU with the given negative slope.
    case leakyReLU(slope: Double)

    private enum CodingKeys: String, CodingKey {
        case type, units, bias, filters, kernel, stride, padding, size, p, momentum, epsilon
        case k, alpha, beta, alphaPerWindow, rate, function, slope
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        func int(_ key: CodingKeys) throws -> Int { try c.decode(Int.self, forKey: key) }
        func double(_ key: CodingKeys) throws -> Double { try c.decode(Double.self, forKey: key) }
        func padding() throws -> Padding { try c.decodeIfPresent(Padding.self, forKey: .padding) ?? .valid }
        switch type {
        case "dense":
            self = .dense(units: try int(.units), bias: try c.decodeIfPresent(Bool.self, forKey: .bias) ?? true)
        case "conv2d":
            self = .conv2d(filters: try int(.filters), kernel: try int(.kernel),
                           stride: try c.decodeIfPresent(Int.self, forKey: .stride) ?? 1,
                           padding: try padding(), bias: try c.decodeIfPresent(Bool.self, forKey: .bias) ?? true)
        case "maxPool": self = .maxPool(size: try int(.size), stride: try int(.stride), padding: try padding())
        case "averagePool": self = .averagePool(size: try int(.size), stride: try int(.stride), padding: try padding())
        case "lpPool":
            self = .lpPool(p: try double(.p), size: try int(.size), stride: try int(.stride), padding: try padding())
        case "batchNorm":
            self = .batchNorm(momentum: try c.decodeIfPresent(Double.self, forKey: .momentum) ?? 0.1,
                              epsilon: try c.decodeIfPresent(Double.self, forKey: .epsilon) ?? 1e-5)
        case "localResponseNorm":
            self = .localResponseNorm(size: try int(.size), k: try double(.k), alpha: try double(.alpha),
                                      beta: try double(.beta),
                                      alphaPerWindow: try c.decodeIfPresent(Bool.self, forKey: .alphaPerWindow) ?? true)
        case "dropout": self = .dropout(rate: try double(.rate))
        case "flatten": self = .flatten
        case "activation": self = .activation(try c.decode(Activation.self, forKey: .function))
        case "leakyReLU": self = .leakyReLU(slope: try double(.slope))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c,
                debugDescription: "unknown layer type \"\(type)\"; expected one of dense, conv2d, maxPool, "
                    + "averagePool, lpPool, batchNorm, localResponseNorm, dropout, flatten, activation, leakyReLU")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(typeName, forKey: .type)
        switch self {
        case let .dense(units, bias):
            try c.encode(units, forKey: .units); try c.encode(bias, forKey: .bias)
        case let .conv2d(filters, kernel, stride, padding, bias):
            try c.encode(filters, forKey: .filters); try c.encode(kernel, forKey: .kernel)
            try c.encode(stride, forKey: .stride); try c.encode(padding, forKey: .padding); try c.encode(bias, forKey: .bias)
        case let .maxPool(size, stride, padding), let .averagePool(size, stride, padding):
            try encodeWindow(&c, size, stride, padding)
        case let .lpPool(p, size, stride, padding):
            try c.encode(p, forKey: .p); try encodeWindow(&c, size, stride, padding)
        case let .batchNorm(momentum, epsilon):
            try c.encode(momentum, forKey: .momentum); try c.encode(epsilon, forKey: .epsilon)
        case let .localResponseNorm(size, k, alpha, beta, alphaPerWindow):
            try c.encode(size, forKey: .size); try c.encode(k, forKey: .k); try c.encode(alpha, forKey: .alpha)
            try c.encode(beta, forKey: .beta); try c.encode(alphaPerWindow, forKey: .alphaPerWindow)
        case let .dropout(rate):
            try c.encode(rate, forKey: .rate)
        case .flatten:
            break
        case let .activation(function):
            try c.encode(function, forKey: .function)
        case let .leakyReLU(slope):
            try c.encode(slope, forKey: .slope)
        }
    }

    /// The `type` field of the layer's JSON, e.g. "conv2d".
    public var typeName: String {
        switch self {
        case .dense: "dense"
        case .conv2d: "conv2d"
        case .maxPool: "maxPool"
        case .averagePool: "averagePool"
        case .lpPool: "lpPool"
        case .batchNorm: "batchNorm"
        case .localResponseNorm: "localResponseNorm"
        case .dropout: "dropout"
        case .flatten: "flatten"
        case .activation: "activation"
        case .leakyReLU: "leakyReLU"
        }
    }

    private func encodeWindow(_ c: inout KeyedEncodingContainer<CodingKeys>, _ size: Int, _ stride: Int,
                              _ padding: Padding) throws {
        try c.encode(size, forKey: .size); try c.encode(stride, forKey: .stride); try c.encode(padding, forKey: .padding)
    }
}

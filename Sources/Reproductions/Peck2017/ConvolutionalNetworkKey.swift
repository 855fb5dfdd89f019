/// What a Chapter 5 network's weights and analysis depend on: the experiment and the
/// training seed (the artifact-cache key of `trainedModel` and of the stored outcome).
///
/// `version` changes when training or analysis changes in a way the other fields do not show
/// (2: the sound head's spectral norms are LAPACK upper bounds instead of power iteration).
public struct ConvolutionalNetworkKey: Codable, Sendable {
    public var test: ConvolutionalNetworkTest
    public var seed: UInt64
    public var version = 2
    /// Fig. 5.12: the trained network with its first `scaledKernels` convolution kernels scaled
    /// by `kernelScale` (nil for the network as trained; nil fields are left out of the key).
    public var scaledKernels: Int?
    public var kernelScale: Double?

    public init(test: ConvolutionalNetworkTest, seed: UInt64, scaledKernels: Int? = nil, kernelScale: Double? = nil) {
        (self.test, self.seed, self.scaledKernels, self.kernelScale) = (test, seed, scaledKernels, kernelScale)
    }
}

/// What a cached Chapter 5 budget curve depends on: the network's key and the held-out
/// images FGS attacks after each epoch (`cached("peck-cnn-budget", key:)`).
public struct ConvolutionalBudgetKey: Codable, Sendable {
    public var network: ConvolutionalNetworkKey
    public var images: Int

    public init(network: ConvolutionalNetworkKey, images: Int) {
        (self.network, self.images) = (network, images)
    }
}

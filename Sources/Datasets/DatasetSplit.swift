/// The standard training or test part of a dataset that comes with one (MNIST, Fashion-MNIST,
/// CIFAR-10).
public enum DatasetSplit: String, Sendable, CaseIterable, Codable {
    case train
    case test
}

import NeuralNetworks

/// A deeper CNN for the Fashion-MNIST substitute of Etmann et al.'s ImageNet experiment
/// (ImageNet and ResNet-50 are not available here): five 3x3 'same' convolutions (32, 32,
/// 64, 64, 128 filters) with ReLU, max pooling after the 2nd, 4th and 5th, then dense 128 +
/// ReLU, dropout 0.5 and dense 10 — more non-linear layers than `MNISTCohortModel`.
public enum FashionCohortModel {
    public static let spec = ModelSpec(name: "Fashion-MNIST deeper CNN", inputShape: [1, 28, 28], layers: [
        .conv2d(filters: 32, kernel: 3, padding: .same), .activation(.relu),
        .conv2d(filters: 32, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .conv2d(filters: 64, kernel: 3, padding: .same), .activation(.relu),
        .conv2d(filters: 64, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .conv2d(filters: 128, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .flatten, .dense(units: 128), .activation(.relu), .dropout(rate: 0.5), .dense(units: 10),
    ])
}

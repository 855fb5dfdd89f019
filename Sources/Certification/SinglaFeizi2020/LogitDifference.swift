import Autodiff
import NeuralNetworks
import TensorModule

/// The decision function of the certificate and attack problems (Singla & Feizi 2020,
/// Sec. 4): f(x) = z_y^(L)(x) - z_t^(L)(x) for each row of a batch, with its input gradient.
public struct LogitDifference<Scalar: TensorScalar> {
    /// The model, evaluated in inference mode.
    public let model: Sequential<Scalar>
    /// y per row.
    public let labels: [Int]
    /// t per row.
    public let targets: [Int]
    /// Row n holds e_y - e_t: f = sum of logits * seed along each row.
    public let seed: Tensor<Scalar>

    public init(model: Sequential<Scalar>, labels: [Int], targets: [Int]) {
        precondition(labels.count == targets.count, "\(labels.count) labels but \(targets.count) targets")
        self.model = model
        self.labels = labels
        self.targets = targets
        let classes = model.layers.compactMap { $0 as? Dense<Scalar> }.last?.weight.value.shape[1] ?? 0
        seed = Loss.oneHot(labels, classes: classes) - Loss.oneHot(targets, classes: classes)
    }

    /// f at each row of `inputs` [N, D] and grad_x f [N, D], from one forward and one backward pass.
    public func evaluate(_ inputs: Tensor<Scalar>) -> (values: [Double], gradient: Tensor<Scalar>) {
        model.bindParameters(requiresGradient: false)
        let x = Variable(inputs, requiresGradient: true)
        let logits = model.forward(x)
        let values = (logits.value * seed).sum(alongAxes: [1]).scalars.map(Double.init)
        return (values, gradient(of: logits, wrt: [x], seed: seed)[0].value)
    }

    /// The same f for a copy of the model in Double (weights and buffers converted exactly), to
    /// check a certificate computed in Float (`CurvatureCertificate.certify(verification:)`).
    public var precise: LogitDifference<Double> {
        LogitDifference<Double>(model: Sequential<Double>(converting: model), labels: labels, targets: targets)
    }

    /// The runner-up class of each row of `logits` (the paper's default target, Sec. 7),
    /// the least likely class, or a seeded random class other than the label (Table 15).
    public static func targets(logits: Tensor<Scalar>, labels: [Int], rule: TargetRule) -> [Int] {
        let classes = logits.shape[1]
        var generator = SeededGenerator(seed: rule.seed)
        return labels.enumerated().map { row, label in
            let scores = (0..<classes).map { Double(logits.scalars[row * classes + $0]) }
            let others = (0..<classes).filter { $0 != label }
            switch rule {
            case .runnerUp: return others.max { scores[$0] < scores[$1] }!
            case .leastLikely: return others.min { scores[$0] < scores[$1] }!
            case .random: return others[generator.nextInt(below: others.count)]
            }
        }
    }
}

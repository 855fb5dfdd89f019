import Autodiff
import NeuralNetworks
import TensorModule

/// The rows of an attack's inputs as Float64 vectors, with the classifier queries the
/// L2 attacks share: class checks on any subset of rows and the loss gradient that the
/// criterion asks to climb. Internal to the attacks.
struct AttackBatch<Scalar: TensorScalar> {
    let classifier: Classifier<Scalar>
    let criterion: Criterion
    /// The original inputs, one flattened row each.
    let originals: [[Double]]
    /// The shape of one input (without the batch axis).
    let sampleShape: [Int]
    /// The classifier's box.
    let lower: Double, upper: Double
    var range: Double { upper - lower }

    init(_ classifier: Classifier<Scalar>, inputs: Tensor<Scalar>, criterion: Criterion) {
        let count = inputs.shape[0]
        self.classifier = classifier
        self.criterion = criterion
        originals = (0..<count).map { row in inputs.rowScalars(row).map(Double.init) }
        sampleShape = Array(inputs.shape.dropFirst())
        (lower, upper) = (Double(classifier.bounds.lowerBound), Double(classifier.bounds.upperBound))
    }

    /// `points` (one per entry of `rows`) as a batch tensor.
    func tensor(_ points: [[Double]]) -> Tensor<Scalar> {
        Tensor(shape: [points.count] + sampleShape, scalars: points.flatMap { $0.map { Scalar($0) } })
    }

    /// `point` clipped to the box.
    func clipped(_ point: [Double]) -> [Double] { point.map { min(max($0, lower), upper) } }

    /// Whether each of `points` meets the criterion of its row.
    func isAdversarial(_ points: [[Double]], rows: [Int]) -> [Bool] {
        guard !rows.isEmpty else { return [] }
        return zip(rows, classifier.predictions(tensor(points))).map { criterion.isAdversarial(row: $0, predicted: $1) }
    }

    /// The gradient of the loss the criterion asks to increase, per point: d/dx CE(label)
    /// (untargeted) or -d/dx CE(target) (targeted).
    func lossAscent(_ points: [[Double]], rows: [Int]) -> [[Double]] {
        guard !rows.isEmpty else { return [] }
        let gradient: Tensor<Scalar>
        switch criterion {
        case let .misclassification(labels): gradient = classifier.lossGradient(tensor(points), labels: rows.map { labels[$0] })
        case let .targeted(targets): gradient = -classifier.lossGradient(tensor(points), labels: rows.map { targets[$0] })
        }
        return rows.indices.map { index in gradient.rowScalars(index).map(Double.init) }
    }

    /// Foolbox's L2 step direction: v / RMS(v) * (upper - lower), so a step eps moves an
    /// input by eps (upper - lower) sqrt(d) in L2 (the RMS makes L2 and Linf epsilons comparable).
    func rmsScaled(_ vector: [Double]) -> [Double] {
        let rms = (vector.squaredNorm / Double(max(vector.count, 1))).squareRoot()
        return vector.map { $0 / (rms + 1e-8) * range }
    }

    /// The rows of `points` (unchanged where nil) as the batch tensor an attack returns.
    func result(_ points: [[Double]?]) -> Tensor<Scalar> {
        tensor(points.enumerated().map { $1 ?? originals[$0] })
    }
}

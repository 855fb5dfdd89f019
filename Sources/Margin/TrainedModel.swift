import Foundation
import NeuralNetworks
import NotebookRuntime
import Reproductions
import TensorModule


/// A trained model and how long its training took when it was trained (nil when that was
/// not recorded, e.g. a checkpoint cached by an older Margin).
public struct TrainedModel<Scalar: TensorScalar> {
    /// The model, its weights read from the artifact cache.
    public let model: Sequential<Scalar>
    /// The checkpoint in the artifact cache.
    public let checkpoint: URL
    /// Wall-clock seconds of the training run that produced the checkpoint.
    public let trainingSeconds: Double?
}

/// The model that `train` produces for `key`, read from the artifact cache when it is there
/// and trained and stored (as safetensors, with its training time) when it is not.
///
/// This is the one place that sees both training (NeuralNetworks) and the artifact cache
/// (NotebookRuntime), so every reproduction caches models the same way:
/// `try trainedModel("sf2020-model", key: config) { CurvatureTrainingRunner.train(config, ...) }`.
///
/// - Parameters:
///   - name: the artifact's name (letters, digits, `-`, `_`).
///   - key: everything the weights depend on: the experiment's settings, data size, seeds.
///   - train: trains the model; called only when the cache has no checkpoint for `key`.
public func trainedModel<Key: Encodable, Scalar: TensorScalar>(
    _ name: String, key: Key, train: () throws -> Sequential<Scalar>
) throws -> TrainedModel<Scalar> {
    var measured: Double?
    let url = try cachedFile(name, key: key, fileExtension: "safetensors") { url in
        let started = Date()
        let model = try train()
        measured = Date().timeIntervalSince(started)
        try model.save(to: url)
    }
    let seconds: Double? = try cached(name + "-training-seconds", key: key) { measured }
    return TrainedModel(model: try Sequential<Scalar>(contentsOf: url), checkpoint: url, trainingSeconds: seconds)
}

/// `trainedModel` for a model whose budget curve (a statistic after each training epoch) is
/// measured while it trains, when `budget` is given: `train` receives a function that records
/// one point (nil without `budget`), and the points are cached under `budget.name` for
/// `budget.key` beside the checkpoint, so a later render reads both back.
///
/// - Returns: the model and its curve; the curve is nil without `budget`, or when the
///   checkpoint came from a render that measured none.
public func trainedModel<Key: Encodable, BudgetKey: Encodable, Point: Codable, Scalar: TensorScalar>(
    _ name: String, key: Key, budget: (name: String, key: BudgetKey)?,
    train: (_ record: ((Point) -> Void)?) throws -> Sequential<Scalar>
) throws -> (model: TrainedModel<Scalar>, curve: [Point]?) {
    var points: [Point]?
    let trained = try trainedModel(name, key: key) {
        guard budget != nil else { return try train(nil) }
        points = []
        return try train { points?.append($0) }
    }
    guard let budget else { return (trained, nil) }
    return (trained, try cached(budget.name, key: budget.key) { points })
}

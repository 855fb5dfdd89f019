import Certification
import Datasets
import Foundation
import NeuralNetworks
import Robustness
import TensorModule

/// Measures one trained network: accuracy, CRC and CROWN certificates, primal = dual rates of
/// the certificate and the curvature attack, PGD robust accuracy and the curvature bounds
/// K_lb, K_ub (Singla & Feizi 2020, Tables 2, 5, 15, 16).
public enum CurvatureEvaluationRunner {
    public static func evaluate(_ model: Sequential<Float>, test: Dataset<Float>, settings: CurvatureEvaluationSettings,
                                progress: ProgressReporter = ProgressReporter()) throws -> CurvatureEvaluation {
        let network = try FullyConnectedNetwork(model)
        let testLogits = model.predict(test.inputs)
        var order = Array(0..<test.count)
        var generator = SeededGenerator(seed: settings.seed)
        generator.shuffle(&order)
        let images = certifiedImages(model, test: test, logits: testLogits, order: order, settings: settings)
        let function = LogitDifference(model: model, labels: images.labels, targets: images.targets)

        progress.start("CRC: \(images.labels.count) images", total: 3)
        let started = Date()
        let curvature = try LogitCurvature.bounds(network, labels: images.labels, targets: images.targets)
        let certificates = CurvatureCertificate.certify(function.evaluate, inputs: images.inputs, curvature: curvature,
                                                        options: settings.certificate, verification: function.precise.evaluate).results
        let crcSeconds = Date().timeIntervalSince(started) / Double(max(images.labels.count, 1))
        let local = settings.localRefinements > 0 && network.depth == 2
            ? try LocalCurvatureCertificate.certify(network, function: function, inputs: images.inputs, global: certificates.map(\.radius),
                                                    refinements: settings.localRefinements, options: settings.certificate)
            : nil
        progress.update(1, status: "curvature attack")
        let attacks = CurvatureAttack.attack(function.evaluate, inputs: images.inputs, radius: settings.rho, curvature: curvature).results
        progress.update(2, status: "PGD")
        let robustRows = Array(order.prefix(settings.robustImages))
        let robustAccuracy = try pgdRobustAccuracy(model, test: test, logits: testLogits, rows: robustRows, settings: settings)
        progress.finish("CRC mean \(String(format: "%.3f", CurvatureEvaluation.mean(certificates.map(\.radius))))")

        let crown = crownRadii(network, images: images, settings: settings, progress: progress)
        let curvatureRange = settings.curvatureImages > 0
            ? try curvatureEstimates(model, network: network, test: test, logits: testLogits, order: order, settings: settings) : nil
        return CurvatureEvaluation(
            accuracy: Loss.accuracy(logits: testLogits, labels: test.labels), certifiedImages: images.labels.count,
            crc: certificates.map(\.radius), crcAuthors: certificates.map(\.authorsRadius), crcLocal: local, crown: crown.radii,
            certificateSuccess: fraction(certificates.map(\.primalEqualsDual)),
            exactDistances: certificates.map { $0.primalEqualsDual ? $0.distance : nil }, attackSuccess: fraction(attacks.map(\.primalEqualsDual)),
            soundnessViolations: soundnessViolations(certificates: certificates, crown: crown.radii, attacks: attacks),
            empiricalRobustAccuracy: robustAccuracy, robustImages: robustRows.count,
            curvatureLower: curvatureRange?.lower, curvatureUpper: curvatureRange?.upper, crcSecondsPerImage: crcSeconds,
            crownSecondsPerImage: crown.secondsPerImage, rho: settings.rho)
    }

    /// The images to certify: the first `settings.certifiedImages` of the shuffled `order`
    /// that the model classifies correctly, with their labels and `settings.target`'s targets.
    private static func certifiedImages(_ model: Sequential<Float>, test: Dataset<Float>, logits: Tensor<Float>, order: [Int],
                                        settings: CurvatureEvaluationSettings) -> (inputs: Tensor<Float>, labels: [Int], targets: [Int]) {
        let predictions = logits.argmaxRows()
        let correct = Array(order.filter { predictions[$0] == test.labels[$0] }.prefix(settings.certifiedImages))
        let labels = correct.map { test.labels[$0] }
        let targets = LogitDifference.targets(logits: logits.gatherRows(correct), labels: labels, rule: settings.target)
        return (test.inputs.gatherRows(correct), labels, targets)
    }

    /// The fraction of test rows `rows` classified correctly that targeted L2 PGD at radius rho
    /// (towards the runner-up) does not flip; nil for no rows.
    private static func pgdRobustAccuracy(_ model: Sequential<Float>, test: Dataset<Float>, logits: Tensor<Float>, rows: [Int],
                                       settings: CurvatureEvaluationSettings) throws -> Double? {
        guard !rows.isEmpty else { return nil }
        let predictions = logits.argmaxRows()
        let labels = rows.map { test.labels[$0] }
        let targets = LogitDifference.targets(logits: logits.gatherRows(rows), labels: labels, rule: .runnerUp)
        let pgd = try AttackDriver.attack(TargetedProjectedGradientDescent<Float>(radius: settings.rho, seed: settings.seed),
                                          classifier: Classifier(model, bounds: 0...1), inputs: test.inputs.gatherRows(rows),
                                          criterion: .targeted(targets: targets))
        let robust = rows.indices.filter { predictions[rows[$0]] == labels[$0] && !pgd.success[$0] }.count
        return Double(robust) / Double(rows.count)
    }

    /// CROWN's certified radii for the first `settings.crownImages` certified images, and the
    /// seconds per image.
    private static func crownRadii(_ network: FullyConnectedNetwork<Float>, images: (inputs: Tensor<Float>, labels: [Int], targets: [Int]),
                                   settings: CurvatureEvaluationSettings, progress: ProgressReporter) -> (radii: [Double], secondsPerImage: Double) {
        let count = min(settings.crownImages, images.labels.count)
        guard count > 0 else { return ([], 0) }
        progress.start("CROWN: \(count) images", total: count)
        let started = Date()
        var radii: [Double] = []
        let certificate = CrownCertificate(network)
        for row in 0..<count {
            radii.append(certificate.radius(input: images.inputs.rows(row..<(row + 1)).reshaped([-1]), label: images.labels[row],
                                            target: images.targets[row], options: settings.crown))
            progress.update(row + 1)
        }
        let seconds = Date().timeIntervalSince(started) / Double(count)
        progress.finish("CROWN mean \(String(format: "%.3f", CurvatureEvaluation.mean(radii)))")
        return (radii, seconds)
    }

    /// The images where a certificate (CRC or CROWN) exceeds the distance of an adversarial
    /// example the curvature attack found: each one a proof that the certificate is unsound.
    private static func soundnessViolations(certificates: [CurvatureCertificate.Result], crown: [Double],
                                            attacks: [CurvatureAttack.Result]) -> Int {
        attacks.indices.filter { row in
            let found = attacks[row].gap < 0 ? attacks[row].distance : .infinity
            return certificates[row].radius > found || (row < crown.count && crown[row] > found)
        }.count
    }

    /// App. H.1: group test images by (label, runner-up); over pairs with at least
    /// `pairMinimum` images, the mean of the largest Hessian |eigenvalue| seen (K_lb) and the
    /// mean of Thm 4's K (K_ub).
    static func curvatureEstimates(_ model: Sequential<Float>, network: FullyConnectedNetwork<Float>, test: Dataset<Float>,
                                   logits: Tensor<Float>, order: [Int], settings: CurvatureEvaluationSettings) throws -> (lower: Double, upper: Double)? {
        let rows = Array(order.prefix(settings.curvatureImages))
        let inputs = test.inputs.gatherRows(rows)
        let labels = rows.map { test.labels[$0] }
        let targets = LogitDifference.targets(logits: logits.gatherRows(rows), labels: labels, rule: .runnerUp)
        var largest: [Int: Double] = [:], counts: [Int: Int] = [:]
        for (range, chunk) in inputs.rowChunks(of: 250) {
            let function = LogitDifference(model: model, labels: Array(labels[range]), targets: Array(targets[range]))
            let eigenvalues = HessianSpectrum.dominantEigenvalues(function, at: chunk)
            for (offset, value) in eigenvalues.enumerated() {
                let key = labels[range.lowerBound + offset] * 10 + targets[range.lowerBound + offset]
                largest[key] = max(largest[key] ?? 0, value)
                counts[key, default: 0] += 1
            }
        }
        let pairs = counts.filter { $0.value >= settings.pairMinimum }.keys.sorted()
        guard !pairs.isEmpty else { return nil }
        let bounds = try LogitCurvature.deepNetworkBound(network, labels: pairs.map { $0 / 10 }, targets: pairs.map { $0 % 10 })
        return (CurvatureEvaluation.mean(pairs.map { largest[$0]! }), CurvatureEvaluation.mean(bounds))
    }

    private static func fraction(_ flags: [Bool]) -> Double {
        flags.isEmpty ? 0 : Double(flags.filter { $0 }.count) / Double(flags.count)
    }
}

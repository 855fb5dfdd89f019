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
        let accuracy = Loss.accuracy(logits: testLogits, labels: test.labels)
        var order = Array(0..<test.count)
        var generator = SeededGenerator(seed: settings.seed)
        generator.shuffle(&order)
        let predictions = testLogits.argmaxRows()
        let correct = order.filter { predictions[$0] == test.labels[$0] }.prefix(settings.certifiedImages)
        let inputs = test.inputs.gatherRows(Array(correct))
        let labels = correct.map { test.labels[$0] }
        let targets = LogitDifference.targets(logits: testLogits.gatherRows(Array(correct)), labels: labels, rule: settings.target)
        let function = LogitDifference(model: model, labels: labels, targets: targets)

        progress.start("CRC: \(labels.count) images", total: 3)
        var started = Date()
        let curvature = try CurvatureBound.bounds(network, labels: labels, targets: targets)
        let certificates = CurvatureCertificate.certify(function.evaluate, inputs: inputs, curvature: curvature,
                                                        options: settings.certificate, verification: function.precise.evaluate).results
        let crcSeconds = Date().timeIntervalSince(started) / Double(max(labels.count, 1))
        let local = settings.localRefinements > 0 && network.depth == 2
            ? try LocalCurvatureCertificate.certify(network, function: function, inputs: inputs, global: certificates.map(\.radius),
                                                    refinements: settings.localRefinements, options: settings.certificate)
            : nil
        progress.update(1, status: "curvature attack")
        let attacks = CurvatureAttack.attack(function.evaluate, inputs: inputs, radius: settings.rho, curvature: curvature).results
        progress.update(2, status: "PGD")
        let robustRows = Array(order.prefix(settings.robustImages))
        var robustAccuracy: Double?
        if !robustRows.isEmpty {
            let robustInputs = test.inputs.gatherRows(robustRows)
            let robustLabels = robustRows.map { test.labels[$0] }
            let robustTargets = LogitDifference.targets(logits: testLogits.gatherRows(robustRows), labels: robustLabels, rule: .runnerUp)
            let pgd = try AttackDriver.attack(TargetedProjectedGradientDescent<Float>(radius: settings.rho, seed: settings.seed),
                                              classifier: Classifier(model, bounds: 0...1), inputs: robustInputs,
                                              criterion: .targeted(targets: robustTargets))
            let robust = robustRows.indices.filter { predictions[robustRows[$0]] == robustLabels[$0] && !pgd.success[$0] }.count
            robustAccuracy = Double(robust) / Double(robustRows.count)
        }
        progress.finish("CRC mean \(String(format: "%.3f", CurvatureEvaluation.mean(certificates.map(\.radius))))")

        let crownCount = min(settings.crownImages, labels.count)
        progress.start("CROWN: \(crownCount) images", total: max(crownCount, 1))
        started = Date()
        var crown: [Double] = []
        let crownCertificate = CrownCertificate(network)
        for row in 0..<crownCount {
            crown.append(crownCertificate.radius(input: inputs.rows(row..<(row + 1)).reshaped([-1]), label: labels[row],
                                                 target: targets[row], options: settings.crown))
            progress.update(row + 1)
        }
        let crownSeconds = Date().timeIntervalSince(started) / Double(max(crownCount, 1))
        progress.finish("CROWN mean \(String(format: "%.3f", CurvatureEvaluation.mean(crown)))")

        let curvatureRange = settings.curvatureImages > 0
            ? try curvatureEstimates(model, network: network, test: test, logits: testLogits, order: order, settings: settings) : nil
        let violations = attacks.indices.filter { row in
            let found = attacks[row].gap < 0 ? attacks[row].distance : .infinity
            return certificates[row].radius > found || (row < crown.count && crown[row] > found)
        }.count
        return CurvatureEvaluation(
            accuracy: accuracy, certifiedImages: labels.count, crc: certificates.map(\.radius),
            crcAuthors: certificates.map(\.authorsRadius), crcLocal: local, crown: crown,
            certificateSuccess: fraction(certificates.map(\.primalEqualsDual)),
            exactDistances: certificates.map { $0.primalEqualsDual ? $0.distance : nil }, attackSuccess: fraction(attacks.map(\.primalEqualsDual)),
            soundnessViolations: violations, empiricalRobustAccuracy: robustAccuracy, robustImages: robustRows.count,
            curvatureLower: curvatureRange?.lower, curvatureUpper: curvatureRange?.upper, crcSecondsPerImage: crcSeconds, crownSecondsPerImage: crownSeconds,
            rho: settings.rho)
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
        for start in stride(from: 0, to: rows.count, by: 250) {
            let range = start..<min(start + 250, rows.count)
            let function = LogitDifference(model: model, labels: Array(labels[range]), targets: Array(targets[range]))
            let eigenvalues = HessianSpectrum.dominantEigenvalues(function, at: inputs.rows(range))
            for (offset, value) in eigenvalues.enumerated() {
                let key = labels[start + offset] * 10 + targets[start + offset]
                largest[key] = max(largest[key] ?? 0, value)
                counts[key, default: 0] += 1
            }
        }
        let pairs = counts.filter { $0.value >= settings.pairMinimum }.keys.sorted()
        guard !pairs.isEmpty else { return nil }
        let bounds = try CurvatureBound.deepNetworkBound(network, labels: pairs.map { $0 / 10 }, targets: pairs.map { $0 % 10 })
        return (CurvatureEvaluation.mean(pairs.map { largest[$0]! }), CurvatureEvaluation.mean(bounds))
    }

    private static func fraction(_ flags: [Bool]) -> Double {
        flags.isEmpty ? 0 : Double(flags.filter { $0 }.count) / Double(flags.count)
    }
}

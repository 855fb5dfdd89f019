import Foundation
import NeuralNetworks
import Plot
import Reproductions
import Robustness
import TensorModule

/// The figures of Etmann et al. 2019 drawn from a cohort's usable models.
public enum CohortFigures {
    /// Figs. 2/3: M[α] against each robustness estimate, one curve each, models in order of it.
    public static func alignment(_ models: [CohortModelEvaluation]) -> Figure {
        let markers: [MarkerShape] = [.circle, .square, .triangle, .diamond]
        return Figure(Axes(CohortClaims.robustnessEstimates(models).enumerated().map { index, estimate in
            let order = estimate.medians.indices.sorted { estimate.medians[$0] < estimate.medians[$1] }
            return .line(x: order.map { estimate.medians[$0] }, y: order.map { models[$0].medianAlignment },
                         style: SeriesStyle(label: estimate.name, marker: markers[index], lineMarkers: true))
        }, xLabel: "median robustness (L2), models in order of it", yLabel: "median alignment M[α]", legend: .insideBottomRight))
    }

    /// Figs. 4 and 5 for one model: ρ̃ against α, and ρ̃ against the CW distance.
    public static func pointwisePanels(_ model: CohortModelEvaluation) -> [Panel] {
        let pairs = model.carliniWagnerPairs
        return [
            .axes(Axes([.scatter(x: model.alignment, y: model.linearizedRobustness, style: SeriesStyle(markerSize: 2.5, alpha: 0.6))],
                       title: String(format: "λ = %g: r = %.2f", model.lambda, model.alignmentCorrelation),
                       xLabel: "α(x)", yLabel: "ρ̃(x)", legend: .none)),
            .axes(Axes([.scatter(x: pairs.distance, y: pairs.linearizedRobustness, style: SeriesStyle(markerSize: 3, alpha: 0.7))],
                       title: String(format: "λ = %g: r = %.2f", model.lambda, model.carliniWagnerCorrelation),
                       xLabel: "CW distance", yLabel: "ρ̃(x)", legend: .none)),
        ]
    }

    /// Figs. 6, 7 and 8: one stacked bar per model, its segments the shares of the summands.
    public static func sharePanels(_ models: [CohortModelEvaluation]) -> [Panel] {
        let categories = models.map { String(format: "%.2f", $0.medianLinearizedRobustness) }
        func bars(_ shares: [[Double]], labels: [String], title: String) -> Panel {
            .axes(Axes([.bars(categories: categories, series: labels.indices.map { part in
                (SeriesStyle(label: labels[part]), shares.map { $0[part] })
            }, stacked: true)], title: title, xLabel: "M[ρ̃] of the model (λ ascending)", yLabel: "share", yLimits: (0, 1),
                legend: .outsideRight))
        }
        return [bars(models.map(\.theorem2FirstShares), labels: ["α†", "|β†|/‖g†‖"], title: "Eq. 14 (Fig. 6)"),
                bars(models.map(\.theorem2SecondShares), labels: ["α", "‖x‖‖ḡ†−ḡ‖", "|β†|/‖g†‖"], title: "Eq. 15 (Fig. 7)"),
                bars(models.map(\.theorem3Shares), labels: ["|⟨ξ,γ̄⟩|", "‖ξ‖‖ḡ†−γ̄‖"], title: "Eq. 16 (Fig. 8)")]
    }

    /// Fig. 9: M[|⟨x, g†⟩|] / M[|Ψ†(x)|] against M[ρ̃], models in order of M[ρ̃].
    public static func ratioPanel(_ models: [CohortModelEvaluation]) -> Panel {
        let byRho = models.sorted { $0.medianLinearizedRobustness < $1.medianLinearizedRobustness }
        return .axes(Axes([
            .line(x: byRho.map(\.medianLinearizedRobustness), y: byRho.map(\.linearPartRatio),
                  style: SeriesStyle(label: "Margin", marker: .circle, lineMarkers: true)),
            .referenceLine(horizontal: true, value: 1),
        ], title: "Fig. 9", xLabel: "M[ρ̃], models in order of it", yLabel: "M[|⟨x, g†⟩|] / M[|Ψ†(x)|]", yLimits: (0, 1.2),
           legend: .none))
    }

    /// Fig. 10: for the first two held-out images, the image and the maps g, g† and γ with
    /// their alignments, for the most and the least robust usable model (by M[ρ̃]).
    public static func saliencyMaps(_ run: CohortRun) throws -> Figure {
        let models = run.usable.sorted { $0.medianLinearizedRobustness > $1.medianLinearizedRobustness }
        var panels: [Panel] = []
        for model in [models.first!, models.last!] {
            let classifier = Classifier(try Sequential<Float>(contentsOf: run.modelFiles[model.lambda]!), bounds: 0...1)
            let images = run.test.inputs.rows(0..<2)
            let metrics = SaliencyMetrics.compute(classifier, inputs: images)
            let (terms, gammas) = AlignmentBoundTerms.computeWithShiftedSaliencies(classifier, inputs: images, metrics: metrics)
            for row in 0..<2 {
                let pixels = images.rowScalars(row).map(Double.init)
                func map(_ values: [Double], _ title: String) -> Panel {
                    .image(ImagePanel(values: values, width: 28, height: 28, title: title))
                }
                panels += [map(pixels, String(format: "λ = %g", model.lambda)),
                           map(metrics[row].saliency, String(format: "g: α = %.2f", terms[row].alignment)),
                           map(metrics[row].binarizedSaliency, String(format: "g†: α† = %.2f", terms[row].binarizedAlignment)),
                           map(gammas[row], String(format: "γ: %.2f", terms[row].shiftedAlignment))]
            }
        }
        return Figure(width: 440, height: 470, rows: 4, columns: 4, panels: panels)
    }

    /// The budget curve: Spearman(λ, M[ρ̃]) over the usable models after each epoch, with the
    /// 0.8 the claims profile aims for; nil when the run recorded no curve.
    public static func budget(_ runs: [(name: String, run: CohortRun)]) -> Figure? {
        let curves = runs.map { ($0.name, CohortBudgetPoint.lambdaOrdering($0.run.usableBudget)) }
            .filter { !$0.1.isEmpty }
        guard !curves.isEmpty else { return nil }
        let markers: [MarkerShape] = [.circle, .square]
        let series: [Mark] = curves.enumerated().map { index, curve in
            .line(x: curve.1.map { Double($0.epoch) }, y: curve.1.map(\.spearman),
                  style: SeriesStyle(label: curve.0, marker: markers[index % markers.count], lineMarkers: true))
        }
        return Figure(Axes(series + [.referenceLine(horizontal: true, value: 0.8)],
                           xLabel: "training epochs", yLabel: "Spearman(λ, M[ρ̃])", yLimits: (-1, 1), legend: .insideBottomRight))
    }
}

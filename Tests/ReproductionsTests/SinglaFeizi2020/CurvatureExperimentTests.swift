import Certification
import Foundation
import Reproductions
import Testing

@Suite("Singla & Feizi 2020: the experiment each profile builds")
struct CurvatureExperimentTests {
    @Test("the quick profile keeps the sizes the notebook typed before CurvatureExperiment (its cached keys still match)")
    func quickSizesUnchanged() throws {
        let quick = CurvatureExperiment(.quick)
        #expect(quick.epochs == 6 && quick.attack == CurvatureAttack.Options(outerSteps: 3, innerSteps: 3) && quick.crtDepths == [2])
        let settings = quick.settings(seed: 7)
        let before = CurvatureEvaluationSettings(certifiedImages: 80, crownImages: 6, robustImages: 150, curvatureImages: 200,
                                                 pairMinimum: 8, crown: CrownCertificate.Options(bisectionSteps: 10), seed: 7)
        #expect(settings == before)
        let local = quick.localSettings(seed: 7)
        #expect(local.certifiedImages == 30 && local.localRefinements == 2 && local.crownImages == 0 && local.robustImages == 0)
        let config = quick.config(depth: 2, gamma: 0.01, crt: true)
        #expect(config == CurvatureTrainingConfig(dataset: .mnistSubset, depth: 2, gamma: 0.01,
                                                  adversarial: .init(radius: 0.5, options: .init(outerSteps: 3, innerSteps: 3)),
                                                  epochs: 6, trainingSize: 4_000))
    }

    @Test("claims trains the authors' 30 epochs and certifies 150 images with CRC and CROWN; paper adds CRT depths 3 and 4")
    func claimsAndPaper() {
        let claims = CurvatureExperiment(.claims), paper = CurvatureExperiment(.paper)
        #expect(claims.epochs == 30 && claims.certifiedImages == 150 && claims.crownImages >= 150)
        #expect(claims.config(depth: 2, gamma: 0.01, crt: true).epochs == claims.crtEpochs
                && claims.config(depth: 2, gamma: 0.01, crt: false).epochs == claims.epochs)
        #expect(paper.crtDepths == [2, 3, 4] && paper.attack == CurvatureAttack.Options(outerSteps: 30, innerSteps: 10))
        #expect(paper.paperCRTCostFactor == 1 && CurvatureExperiment(.quick).paperCRTCostFactor == 30.1)
    }

    @Test("the cohort has standard and γ = 0.01 nets at every depth, CRT only at the profile's CRT depths")
    func cohort() {
        for profile in Profile.allCases {
            let experiment = CurvatureExperiment(profile)
            let cohort = experiment.cohort
            #expect(cohort.filter { $0.adversarial == nil }.count == 6)
            #expect(Set(cohort.filter { $0.adversarial != nil }.map(\.depth)) == Set(experiment.crtDepths))
            #expect(experiment.primalDualCohort.map(\.gamma) == experiment.crtDepths.map { SinglaFeiziPublished.table2Gamma[$0]! })
        }
    }

    @Test("the budget curve measures the cohort's deep standard and γ = 0.01 nets within their training, in claims and paper only")
    func budgetCurve() {
        #expect(CurvatureExperiment(.quick).budgetCurveConfigs.isEmpty)
        for profile in [Profile.claims, .paper] {
            let experiment = CurvatureExperiment(profile)
            let configs = experiment.budgetCurveConfigs
            #expect(configs.count == 4 && configs.allSatisfy { experiment.cohort.contains($0) && $0.depth >= 3 && $0.adversarial == nil })
            #expect(experiment.budgetEpochs == experiment.budgetEpochs.sorted() && experiment.budgetEpochs.last == experiment.epochs)
            #expect(experiment.budgetSettings(seed: 1).certifiedImages == experiment.budgetImages)
        }
    }

    @Test("Fashion-MNIST networks take the profile's Fashion-MNIST training size")
    func fashionSize() {
        let paper = CurvatureExperiment(.paper)
        #expect(paper.config(depth: 2, gamma: 0, crt: false, dataset: .fashionMNIST).trainingSize == 60_000)
        #expect(paper.config(depth: 2, gamma: 0, crt: false).trainingSize == 4_000)
    }

    @Test("the evaluation key changes with the version, so a bumped version misses old evaluations")
    func keyVersion() throws {
        let experiment = CurvatureExperiment(.quick)
        let config = experiment.config(depth: 2, gamma: 0, crt: false), settings = experiment.settings(seed: 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let current = try encoder.encode(CurvatureEvaluationKey(config: config, settings: settings))
        let older = try encoder.encode(CurvatureEvaluationKey(config: config, settings: settings, version: 1))
        #expect(current != older)
    }
}

import Autodiff
import Certification
import Robustness
import TensorModule
import Testing

@Suite("Fast gradient sign/value with binary search (Peck et al. 2017, Algorithm 2.1)")
struct FastGradientSearchTests {
    struct Linear {
        let weight: Tensor<Double>, bias: Tensor<Double>, inputs: Tensor<Double>
        var classifier: Classifier<Double> {
            let (w, b) = (Variable(weight), Variable(bias))
            return Classifier(bounds: -1e9...1e9) { $0.matmul(w) + b }
        }
    }

    func linear(dimension: Int, classes: Int, seed: UInt64) -> Linear {
        var generator = SeededGenerator(seed: seed)
        return Linear(weight: .randomUniform(shape: [dimension, classes], lower: -1, upper: 1, using: &generator),
                      bias: .randomUniform(shape: [classes], lower: -1, upper: 1, using: &generator),
                      inputs: .randomUniform(shape: [10, dimension], lower: -1, upper: 1, using: &generator))
    }

    @Test("on linear classifiers the search finds the exact smallest step along the sign direction",
          arguments: [(2, 5), (20, 5), (2, 50)])
    func exactStep(dimension: Int, classes: Int) {
        let model = linear(dimension: dimension, classes: classes, seed: 7)
        let classifier = model.classifier
        let labels = classifier.predictions(model.inputs)
        let attack = FastGradientSearch<Double>(direction: .sign, maximumStep: 100, tolerance: 1e-9)
        let result = attack.search(classifier, inputs: model.inputs, criterion: .misclassification(labels: labels))
        let logits = classifier.logits(model.inputs)
        let gradient = classifier.lossGradient(model.inputs, labels: labels).applying(.sign)
        for row in 0..<labels.count {
            let c = labels[row]
            let exact = (0..<classes).filter { $0 != c }.compactMap { rival -> Double? in
                let gap = logits.scalars[row * classes + c] - logits.scalars[row * classes + rival]
                let closing = (0..<dimension).reduce(0.0) {
                    $0 + (model.weight.scalars[$1 * classes + rival] - model.weight.scalars[$1 * classes + c]) * gradient.scalars[row * dimension + $1]
                }
                return closing > 0 ? gap / closing : nil
            }.min() ?? .infinity
            if exact <= 100 {
                #expect(result.succeeded[row])
                #expect(abs(result.steps[row] - exact) < 1e-8, "row \(row): found \(result.steps[row]), exact \(exact)")
            } else {
                #expect(!result.succeeded[row])
            }
        }
    }

    @Test("no perturbation found is shorter than the linear bound (Thm 3.6)", arguments: [FastGradientSearch<Double>.Direction.sign, .value])
    func neverBelowBound(_ direction: FastGradientSearch<Double>.Direction) throws {
        let model = linear(dimension: 6, classes: 4, seed: 3)
        let classifier = model.classifier
        let labels = classifier.predictions(model.inputs)
        let result = try AttackDriver.attack(FastGradientSearch(direction: direction, maximumStep: 100, tolerance: 1e-9),
                                             classifier: classifier, inputs: model.inputs, criterion: .misclassification(labels: labels))
        let bounds = LinearClassifierBound(weight: model.weight, bias: model.bias).bounds(model.inputs)
        for row in 0..<labels.count where result.success[row] {
            #expect(result.distances[row] >= bounds[row].bound - 1e-9)
            #expect(result.adversarialClasses[row] != labels[row], "the adversarial really changes the class")
        }
    }

    @Test("for two classes the value direction is the hyperplane normal, so it attains the bound")
    func twoClassesAttainBound() throws {
        let model = linear(dimension: 5, classes: 2, seed: 11)
        let classifier = model.classifier
        let labels = classifier.predictions(model.inputs)
        let result = try AttackDriver.attack(FastGradientSearch(direction: .value, maximumStep: 100, tolerance: 1e-10),
                                             classifier: classifier, inputs: model.inputs, criterion: .misclassification(labels: labels))
        let bounds = LinearClassifierBound(weight: model.weight, bias: model.bias).bounds(model.inputs)
        for row in 0..<labels.count {
            #expect(abs(result.distances[row] - bounds[row].bound) < 1e-8)
        }
    }

    @Test("the driver refuses inputs outside the bounds and a criterion of the wrong size")
    func driverChecks() {
        let model = linear(dimension: 3, classes: 3, seed: 1)
        let boxed = Classifier<Double>(bounds: 0...1, forward: model.classifier.forward)
        let attack = FastGradientSearch<Double>(maximumStep: 1)
        #expect(throws: AttackError.self) {
            try AttackDriver.attack(attack, classifier: boxed, inputs: model.inputs, criterion: .misclassification(labels: Array(repeating: 0, count: 10)))
        }
        #expect(throws: AttackError.criterionSize(inputs: 10, labels: 2)) {
            try AttackDriver.attack(attack, classifier: model.classifier, inputs: model.inputs, criterion: .misclassification(labels: [0, 1]))
        }
    }
}

import Autodiff
import Certification
import NeuralNetworks
import Robustness
import TensorModule
import Testing

/// A small ReLU network on [0, 1]^6 and ten inputs it classifies.
private func smallNetwork() -> (classifier: Classifier<Double>, inputs: Tensor<Double>, labels: [Int]) {
    let model = Sequential<Double>(ModelSpec(name: "mlp", inputShape: [6], layers: [
        .dense(units: 16), .activation(.relu), .dense(units: 4),
    ]), seed: 11)
    var generator = SeededGenerator(seed: 12)
    let inputs = Tensor<Double>.randomUniform(shape: [10, 6], lower: 0.2, upper: 0.8, using: &generator)
    let classifier = Classifier(model, bounds: 0...1)
    return (classifier, inputs, classifier.predictions(inputs))
}

/// One attack under test, type-erased to the driver call.
struct AttackCase: CustomTestStringConvertible, Sendable {
    let name: String
    let attack: @Sendable (Classifier<Double>, Tensor<Double>, Criterion) throws -> AttackResult<Double>
    var testDescription: String { name }

    static let all: [AttackCase] = [
        AttackCase(name: "gradient attack") { try AttackDriver.attack(GradientAttack(), classifier: $0, inputs: $1, criterion: $2) },
        AttackCase(name: "L2 BIM") { try AttackDriver.attack(L2BasicIterativeAttack(), classifier: $0, inputs: $1, criterion: $2) },
        AttackCase(name: "Carlini-Wagner L2") {
            try AttackDriver.attack(CarliniWagnerL2(maximumIterations: 300), classifier: $0, inputs: $1, criterion: $2)
        },
    ]
}

@Suite("L2 attacks: gradient attack, BIM, Carlini-Wagner")
struct L2AttackTests {
    @Test("every adversarial really changes the class, untargeted and targeted", arguments: AttackCase.all)
    func changesTheClass(_ attack: AttackCase) throws {
        let (classifier, inputs, labels) = smallNetwork()
        let untargeted = try attack.attack(classifier, inputs, .misclassification(labels: labels))
        #expect(untargeted.success.filter { $0 }.count >= 9)
        for row in 0..<10 where untargeted.success[row] {
            #expect(untargeted.adversarialClasses[row] != labels[row])
            #expect(untargeted.distances[row] > 0 && untargeted.distances[row].isFinite)
        }
        let targets = labels.map { ($0 + 1) % 4 }
        let targeted = try attack.attack(classifier, inputs, .targeted(targets: targets))
        #expect(targeted.success.filter { $0 }.count >= 5)
        for row in 0..<10 where targeted.success[row] { #expect(targeted.adversarialClasses[row] == targets[row]) }
    }

    /// CW's hinge pushes towards the rival with the highest logit, which on a multi-class
    /// model need not be the nearest boundary, so there it can stop at a farther one; with
    /// two classes the rival is unique and every row must be within 5%.
    @Test("on a linear classifier CW's distance is within 5% of the exact minimum (the linear margin)",
          arguments: [(classes: 2, rowsWithin: 1.0), (classes: 4, rowsWithin: 0.8)])
    func carliniWagnerOnLinearModel(classes: Int, rowsWithin: Double) throws {
        var generator = SeededGenerator(seed: 31)
        let weight = Tensor<Double>.randomNormal(shape: [8, classes], using: &generator)
        let centre = Tensor<Double>(repeating: 0.5, shape: [1, 8])
        let noise = Tensor<Double>.randomNormal(shape: [classes], standardDeviation: 0.05, using: &generator)
        let bias = Tensor(shape: [classes], scalars: (-centre.matmul(weight)).scalars) + noise
        let inputs = Tensor<Double>.randomUniform(shape: [10, 8], lower: 0.35, upper: 0.65, using: &generator)
        let (w, b) = (Variable(weight), Variable(bias))
        let classifier = Classifier<Double>(bounds: 0...1) { $0.matmul(w) + b }
        let labels = classifier.predictions(inputs)
        let exact = LinearClassifierBound(weight: weight, bias: bias).bounds(inputs)
        let result = try AttackDriver.attack(CarliniWagnerL2(), classifier: classifier, inputs: inputs,
                                             criterion: .misclassification(labels: labels))
        let insideBox = (0..<10).filter { exact[$0].bound < 0.3 }
        #expect(insideBox.count >= 6)
        for row in insideBox {
            #expect(result.success[row])
            #expect(result.distances[row] >= exact[row].bound * (1 - 1e-9))
        }
        let within = insideBox.filter { result.distances[$0] <= exact[$0].bound * 1.05 }
        #expect(Double(within.count) >= rowsWithin * Double(insideBox.count))
    }

    @Test("CW finds smaller perturbations than the gradient attack on a small network (median, and 8 of 10 inputs)")
    func carliniWagnerBeatsGradientAttack() throws {
        let (classifier, inputs, labels) = smallNetwork()
        let criterion = Criterion.misclassification(labels: labels)
        let gradientAttack = try AttackDriver.attack(GradientAttack(), classifier: classifier, inputs: inputs, criterion: criterion)
        let carliniWagner = try AttackDriver.attack(CarliniWagnerL2(), classifier: classifier, inputs: inputs, criterion: criterion)
        let attacked = (0..<10).filter { gradientAttack.success[$0] }
        #expect(attacked.allSatisfy { carliniWagner.success[$0] })
        let smaller = attacked.filter { carliniWagner.distances[$0] <= gradientAttack.distances[$0] * (1 + 1e-6) }
        #expect(smaller.count >= 8)
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        #expect(median(attacked.map { carliniWagner.distances[$0] }) < median(attacked.map { gradientAttack.distances[$0] }))
    }
}

import Certification
import Foundation
import TensorModule
import Testing

@Suite("Peck et al. 2017: linear classifiers and layer-wise growth")
struct LinearBoundTests {
    /// A random linear classifier with the given input dimension and classes, and inputs.
    func randomClassifier(dimension: Int, classes: Int, seed: UInt64) -> (LinearClassifierBound<Double>, Tensor<Double>) {
        var generator = SeededGenerator(seed: seed)
        let weight = Tensor<Double>.randomUniform(shape: [dimension, classes], lower: -1, upper: 1, using: &generator)
        let bias = Tensor<Double>.randomUniform(shape: [classes], lower: -1, upper: 1, using: &generator)
        let inputs = Tensor<Double>.randomUniform(shape: [20, dimension], lower: -1, upper: 1, using: &generator)
        return (LinearClassifierBound(weight: weight, bias: bias), inputs)
    }

    func classes(_ classifier: LinearClassifierBound<Double>, _ inputs: Tensor<Double>) -> [Int] {
        (inputs.matmul(classifier.weight) + classifier.bias).argmaxRows()
    }

    @Test("the bound is the exact minimal perturbation of a linear classifier (Table 3.1 settings)",
          arguments: [(2, 5), (20, 5), (2, 50)])
    func exactness(dimension: Int, classes: Int) {
        let (classifier, inputs) = randomClassifier(dimension: dimension, classes: classes, seed: UInt64(dimension * 100 + classes))
        var generator = SeededGenerator(seed: 3)
        for (row, result) in classifier.bounds(inputs).enumerated() {
            let x = inputs.rows(row..<(row + 1))
            let r = classifier.boundaryPerturbation(inputs, row: row).reshaped([1, dimension])
            #expect(abs(r.l2Norm() - result.bound) < 1e-12)
            #expect(self.classes(classifier, x + r * 1.000001)[0] != result.predicted, "just past the boundary the class changes")
            for _ in 0..<50 {
                let direction = Tensor<Double>.randomNormal(shape: [1, dimension], using: &generator)
                let shorter = direction * (0.999999 * result.bound / direction.l2Norm())
                #expect(self.classes(classifier, x + shorter)[0] == result.predicted, "nothing shorter than the bound flips the class")
            }
        }
    }

    @Test("Thm 3.7's max-coordinate classifier: bound and exact distance are min |x_c - x_c'| / sqrt 2")
    func maxCoordinateClassifier() {
        let identity = Tensor<Double>(shape: [3, 3], scalars: [1, 0, 0, 0, 1, 0, 0, 0, 1])
        let classifier = LinearClassifierBound(weight: identity, bias: Tensor(repeating: 0, shape: [3]))
        let x = Tensor<Double>(shape: [1, 3], scalars: [0.9, 0.5, 0.1])
        let result = classifier.bounds(x)[0]
        #expect(result.predicted == 0 && result.nearestRival == 1)
        #expect(abs(result.bound - 0.4 / 2.0.squareRoot()) < 1e-15)
    }

    @Test("Eq. (7): the closed form for geometric layer robustness equals the sum", arguments: [0.01, 0.5, 2.0])
    func growth(alpha: Double) {
        for layers in 1...12 {
            let kappa = (1...layers).map { pow(alpha, Double(layers - $0)) * 2 }
            let sum = LayerwiseRobustnessGrowth.relativeIncrease(delta: 0.1, layerRobustness: kappa)
            let closed = LayerwiseRobustnessGrowth.relativeIncrease(delta: 0.1, alpha: alpha, outputRobustness: 2, layers: layers)
            #expect(abs(sum - closed) / sum < 1e-12)
        }
    }
}

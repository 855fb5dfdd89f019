import Autodiff
import TensorModule
import Testing
import _TestSupport

/// One operation under test: the shapes of its inputs and the operation itself. The check
/// differentiates sum(tanh(op(x)) * w) for a fixed random w, so first and second
/// derivatives of the operation's own rule are both exercised.
struct OperationCase: Sendable, CustomTestStringConvertible {
    let name: String
    let shapes: [[Int]]
    let operation: @Sendable ([Variable<Double>]) -> Variable<Double>
    var testDescription: String { name }

    init(_ name: String, _ shapes: [[Int]], _ operation: @escaping @Sendable ([Variable<Double>]) -> Variable<Double>) {
        self.name = name
        self.shapes = shapes
        self.operation = operation
    }
}

@Suite("Gradient rules: first and second order against finite differences (Float64)")
struct GradientRuleTests {
    static let cases: [OperationCase] = [
        .init("add with broadcasting", [[3, 4], [4]]) { $0[0] + $0[1] },
        .init("subtract with broadcasting", [[2, 3], [2, 1]]) { $0[0] - $0[1] },
        .init("multiply with broadcasting", [[2, 3], [3]]) { $0[0] * $0[1] },
        .init("divide", [[2, 3], [1, 3]]) { $0[0] / ($0[1].exp() + 0.5) },
        .init("negate, scale, shift", [[5]]) { -($0[0] * 3 + 1) },
        .init("sum to shape", [[2, 3, 4]]) { $0[0].sum(toShape: [3, 1]) },
        .init("broadcast", [[3, 1]]) { $0[0].broadcast(to: [2, 3, 4]) },
        .init("mean along axes", [[2, 3, 4]]) { $0[0].mean(alongAxes: [0, 2]) },
        .init("reshape", [[2, 6]]) { $0[0].reshaped([3, 4]) },
        .init("permute", [[2, 3, 4]]) { $0[0].permuted([2, 0, 1]) },
        .init("matmul", [[3, 4], [4, 2]]) { $0[0].matmul($0[1]) },
        .init("matmul A B^T", [[3, 4], [2, 4]]) { $0[0].matmul($0[1], transposeOther: true) },
        .init("matmul A^T B", [[4, 3], [4, 2]]) { $0[0].matmul($0[1], transposeSelf: true) },
        .init("matmul A^T B^T", [[4, 3], [2, 4]]) { $0[0].matmul($0[1], transposeSelf: true, transposeOther: true) },
        .init("exp", [[6]]) { $0[0].exp() },
        .init("log", [[6]]) { ($0[0].squared() + 1).log() },
        .init("tanh", [[6]]) { $0[0].tanh() },
        .init("sigmoid", [[6]]) { $0[0].sigmoid() },
        .init("softplus", [[6]]) { $0[0].softplus() },
        .init("relu", [[8]]) { $0[0].relu() },
        .init("leaky relu", [[8]]) { $0[0].leakyRelu(slope: 0.1) },
        .init("abs", [[8]]) { $0[0].abs() },
        .init("sqrt", [[6]]) { ($0[0].squared() + 1).sqrt() },
        .init("pow", [[6]]) { ($0[0].squared() + 0.5).pow(1.5) },
        .init("squared", [[6]]) { $0[0].squared() },
        .init("conv2d valid", [[2, 2, 5, 5], [3, 2, 3, 3]]) { $0[0].conv2d($0[1]) },
        .init("conv2d same, stride 2", [[1, 2, 6, 5], [2, 2, 3, 3]]) { $0[0].conv2d($0[1], stride: 2, padding: .same) },
        .init("max pool 2x2", [[2, 2, 4, 4]]) { $0[0].maxPool2d(size: 2, stride: 2) },
        .init("max pool 3, stride 2, same", [[1, 2, 5, 5]]) { $0[0].maxPool2d(size: 3, stride: 2, padding: .same) },
        .init("average pool valid", [[2, 2, 4, 4]]) { $0[0].averagePool2d(size: 2, stride: 2) },
        .init("average pool same", [[1, 2, 5, 5]]) { $0[0].averagePool2d(size: 3, stride: 2, padding: .same) },
        .init("channel window sum", [[2, 5, 2, 2]]) { $0[0].channelWindowSum(size: 3) },
        .init("log softmax", [[3, 5]]) { $0[0].logSoftmax() },
        .init("softmax", [[3, 5]]) { $0[0].softmax() },
    ]

    @Test("first and second derivatives", arguments: cases)
    func derivatives(_ operationCase: OperationCase) {
        var generator = SeededGenerator(seed: 5)
        let points = operationCase.shapes.map { Tensor<Double>.randomNormal(shape: $0, using: &generator) }
        let outputShape = operationCase.operation(points.map { Variable($0) }).shape
        let weights = Variable(Tensor<Double>.randomNormal(shape: outputShape, using: &generator))
        let check = checkGradient({ (operationCase.operation($0).tanh() * weights).sum() }, at: points)
        #expect(check.firstOrderError < 1e-6, "\(check)")
        #expect(check.secondOrderError < 1e-5, "\(check)")
    }

    @Test("without createGraph, gradients are constants and record nothing")
    func noGraph() {
        let x = Variable(Tensor<Double>(shape: [3], scalars: [1, 2, 3]), requiresGradient: true)
        let first = gradient(of: (x * x).sum(), wrt: [x])[0]
        #expect(!first.isTracked)
        #expect(first.value.scalars == [2, 4, 6])
        let tracked = gradient(of: (x * x * x).sum(), wrt: [x], createGraph: true)[0]
        #expect(tracked.isTracked)
        #expect(gradient(of: tracked.sum(), wrt: [x])[0].value.scalars == [6, 12, 18])
    }

    @Test("an unused variable gets a zero gradient")
    func unusedVariable() {
        let x = Variable(Tensor<Double>(shape: [2], scalars: [1, 2]), requiresGradient: true)
        let y = Variable(Tensor<Double>(shape: [3], scalars: [1, 2, 3]), requiresGradient: true)
        #expect(gradient(of: x.sum(), wrt: [y])[0].value.scalars == [0, 0, 0])
    }

    @Test("integer powers: d/dx x^1 = 1 at 0 (pow(0, 0) = 1), and negative bases", arguments: [
        (1.0, 0.0, 0.0, 1.0), (2.0, -3.0, 9.0, -6.0), (3.0, -2.0, -8.0, 12.0), (1.5, 0.0, 0.0, 0.0),
    ])
    func integerPowers(exponent: Double, x: Double, value: Double, derivative: Double) {
        let variable = Variable(Tensor<Double>(shape: [1], scalars: [x]), requiresGradient: true)
        let y = variable.pow(exponent)
        #expect(y.value.scalars == [value])
        #expect(gradient(of: y.sum(), wrt: [variable])[0].value.scalars == [derivative])
    }
}

import TensorModule

/// A tensor in a differentiable computation: a node of the graph that reverse mode walks.
///
/// A variable is *tracked* when a gradient may flow to it: leaves made with
/// `requiresGradient: true`, and every result of an operation with a tracked input. Each
/// tracked result remembers its inputs and its backward rule (see `Variable+Operations.swift`).
/// Rules are written with `Variable` operations themselves, so with `createGraph: true` the
/// backward pass builds a graph of its own that can be differentiated again (gradients of
/// gradients, Hessian-vector products); with `createGraph: false` the same rules run on
/// untracked copies and record nothing.
public final class Variable<Scalar: TensorScalar>: @unchecked Sendable {
    /// The value.
    public let value: Tensor<Scalar>
    /// Whether gradients flow to this variable.
    public let isTracked: Bool
    let inputs: [Variable]
    let backward: BackwardRule?

    /// The gradient rule of an operation: given dL/dy (`gradient`), the result y, the inputs
    /// x_i and which of them need a gradient, it returns dL/dx_i for each input (nil where
    /// none is needed; only costly rules skip), written in differentiable operations.
    typealias BackwardRule = (_ gradient: Variable, _ result: Variable, _ inputs: [Variable], _ needed: [Bool]) -> [Variable?]

    /// A leaf; `requiresGradient: true` makes it a variable one can differentiate with respect to.
    public init(_ value: Tensor<Scalar>, requiresGradient: Bool = false) {
        self.value = value
        self.isTracked = requiresGradient
        self.inputs = []
        self.backward = nil
    }

    /// The result of an operation on `inputs`; tracked when any input is.
    init(_ value: Tensor<Scalar>, inputs: [Variable], backward: @escaping BackwardRule) {
        self.value = value
        let tracked = inputs.contains { $0.isTracked }
        self.isTracked = tracked
        self.inputs = tracked ? inputs : []
        self.backward = tracked ? backward : nil
    }

    /// The same value, cut from the graph (a constant).
    public var detached: Variable { isTracked ? Variable(value) : self }

    /// The value's shape.
    public var shape: [Int] { value.shape }
}

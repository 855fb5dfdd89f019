import TensorModule

/// Reverse-mode gradients of `output` with respect to each of `variables`.
///
/// For a scalar output (one element) the seed is 1; otherwise pass `seed` (dL/d output) and
/// get vector-Jacobian products. With `createGraph` the returned gradients are tracked
/// variables that can be differentiated again; without it they are constants and nothing
/// is recorded. A variable `output` does not depend on gets a zero gradient.
public func gradient<Scalar>(
    of output: Variable<Scalar>, wrt variables: [Variable<Scalar>],
    seed: Tensor<Scalar>? = nil, createGraph: Bool = false
) -> [Variable<Scalar>] {
    precondition(seed != nil || output.value.count == 1,
                 "gradient(of:) needs a scalar output or a seed; the output has shape \(output.shape)")
    var order: [Variable<Scalar>] = []
    var visited = Set<ObjectIdentifier>()
    var stack: [(Variable<Scalar>, Bool)] = [(output, false)]
    while let (node, expanded) = stack.popLast() {
        if expanded { order.append(node); continue }
        guard node.isTracked, visited.insert(ObjectIdentifier(node)).inserted else { continue }
        stack.append((node, true))
        for input in node.inputs where input.isTracked { stack.append((input, false)) }
    }
    // Only nodes on a path to a requested variable need a gradient (`order` lists inputs
    // before the nodes that use them): the gradient of a loss with respect to the input alone
    // skips every weight-gradient product.
    var leadsToRequested = Set(variables.map(ObjectIdentifier.init))
    for node in order where node.inputs.contains(where: { leadsToRequested.contains(ObjectIdentifier($0)) }) {
        leadsToRequested.insert(ObjectIdentifier(node))
    }
    var gradients: [ObjectIdentifier: Variable<Scalar>] = [
        ObjectIdentifier(output): Variable(seed ?? Tensor(repeating: 1, shape: output.shape)),
    ]
    for node in order.reversed() where leadsToRequested.contains(ObjectIdentifier(node)) {
        guard let rule = node.backward, let upstream = gradients[ObjectIdentifier(node)] else { continue }
        let needed = node.inputs.map { $0.isTracked && leadsToRequested.contains(ObjectIdentifier($0)) }
        let inputGradients = createGraph
            ? rule(upstream, node, node.inputs, needed)
            : rule(upstream.detached, node.detached, node.inputs.map(\.detached), needed)
        for index in node.inputs.indices where needed[index] {
            guard let contribution = inputGradients[index] else { continue }
            let key = ObjectIdentifier(node.inputs[index])
            gradients[key] = gradients[key].map { $0 + contribution } ?? contribution
        }
    }
    return variables.map { variable in
        let result = gradients[ObjectIdentifier(variable)] ?? Variable(Tensor(repeating: 0, shape: variable.shape))
        return createGraph ? result : result.detached
    }
}

/// The Hessian of the scalar `function` at `point` applied to `vector`: H v, computed as
/// the gradient of <grad f(x), v> (double backpropagation).
public func hessianVectorProduct<Scalar>(
    of function: (Variable<Scalar>) -> Variable<Scalar>, at point: Tensor<Scalar>, vector: Tensor<Scalar>
) -> Tensor<Scalar> {
    let x = Variable(point, requiresGradient: true)
    let firstOrder = gradient(of: function(x), wrt: [x], createGraph: true)[0]
    let directional = (firstOrder * Variable(vector)).sum()
    return gradient(of: directional, wrt: [x])[0].value
}

/// Every row of the Jacobian of a per-example map: for outputs y of shape [N, K] computed
/// from inputs x of shape [N, ...] with no coupling across the batch, row k is
/// d y[n, k] / d x[n] for all n at once (shape of x). Etmann et al.'s linearized robustness
/// needs all K of them.
public func jacobianRows<Scalar>(of output: Variable<Scalar>, wrt input: Variable<Scalar>) -> [Tensor<Scalar>] {
    precondition(output.value.rank == 2, "jacobianRows needs outputs [N, K], got \(output.shape)")
    let (n, k) = (output.shape[0], output.shape[1])
    return (0..<k).map { column in
        var seed = Tensor<Scalar>(repeating: 0, shape: [n, k])
        for row in 0..<n { seed.scalars[row * k + column] = 1 }
        return gradient(of: output, wrt: [input], seed: seed)[0].value
    }
}

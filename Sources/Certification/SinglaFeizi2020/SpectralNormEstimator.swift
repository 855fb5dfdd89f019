import Autodiff
import TensorModule

/// Differentiable spectral norms ||W^(I)|| of a network's hidden layers for the curvature
/// penalty (Singla & Feizi 2020, Sec. 6 and App. C.1): each step runs a few power iterations
/// from the previous step's singular vectors (the weights move little per step, Miyato et
/// al. 2018) and returns sigma = u^T W v with u, v held constant, whose gradient w.r.t. W is
/// u v^T.
public final class SpectralNormEstimator<Scalar: TensorScalar> {
    /// Power iterations per call; the authors use one per training step after a warm start.
    public let iterationsPerStep: Int
    private var triples: [PowerIteration.SingularTriple<Scalar>?] = []

    /// - Parameter iterationsPerStep: default 1.
    public init(iterationsPerStep: Int = 1) {
        self.iterationsPerStep = iterationsPerStep
    }

    /// ||W^(I)|| for I = 1 ... L-1 as variables of the current forward pass. With `advance`
    /// (the default) each runs `iterationsPerStep` more power iterations first (the first call
    /// iterates to convergence); without it the last singular vectors are reused, so a second
    /// call within one training step sees the same u and v.
    public func hiddenLayerNorms(_ network: FullyConnectedNetwork<Scalar>, advance: Bool = true) -> [Variable<Scalar>] {
        let hidden = network.depth - 1
        if triples.count != hidden { triples = Array(repeating: nil, count: hidden) }
        return (0..<hidden).map { layer in
            let weight = network.weightVariables[layer]
            let triple: PowerIteration.SingularTriple<Scalar>
            switch (triples[layer], advance) {
            case let (previous?, false): triple = previous
            case let (previous?, true):
                triple = PowerIteration.largestSingularValue(of: weight.value, start: previous.right,
                                                             iterations: iterationsPerStep, tolerance: 0)
            case (nil, _): triple = PowerIteration.largestSingularValue(of: weight.value)
            }
            triples[layer] = triple
            let u = Variable(triple.left.reshaped([1, -1])), v = Variable(triple.right.reshaped([-1, 1]))
            return u.matmul(weight).matmul(v).reshaped([])
        }
    }
}

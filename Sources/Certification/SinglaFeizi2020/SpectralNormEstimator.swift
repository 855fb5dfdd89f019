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
    private var rightVectors: [Tensor<Scalar>?] = []

    /// - Parameter iterationsPerStep: default 1.
    public init(iterationsPerStep: Int = 1) {
        self.iterationsPerStep = iterationsPerStep
    }

    /// ||W^(I)|| for I = 1 ... L-1 as variables of the current forward pass. The first call
    /// iterates to convergence.
    public func hiddenLayerNorms(_ network: FullyConnectedNetwork<Scalar>) -> [Variable<Scalar>] {
        let hidden = network.depth - 1
        if rightVectors.count != hidden { rightVectors = Array(repeating: nil, count: hidden) }
        return (0..<hidden).map { layer in
            let weight = network.weightVariables[layer]
            let previous = rightVectors[layer]
            let triple = previous.map { PowerIteration.largestSingularValue(of: weight.value, start: $0, iterations: iterationsPerStep, tolerance: 0) }
                ?? PowerIteration.largestSingularValue(of: weight.value)
            rightVectors[layer] = triple.right
            let u = Variable(triple.left.reshaped([1, -1])), v = Variable(triple.right.reshaped([-1, 1]))
            return u.matmul(weight).matmul(v).reshaped([])
        }
    }
}

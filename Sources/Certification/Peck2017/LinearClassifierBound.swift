import TensorModule

/// The robustness bound of a linear classifier f(x) = argmax_c (x W + b)_c (Peck et al.
/// 2017, Lemma 3.5 and Eq. 3.12):
///
///     delta(x; f) = min_{c != f(x)} |(w_c - w_f(x)) . x + b_c - b_f(x)| / ||w_c - w_f(x)||_2,
///
/// the distance from x to the nearest hyperplane on which another class ties with f(x).
/// Theorem 3.6 bounds the expected robustness by its mean, rho_adv(f) >= E[delta(x; f)]. For a
/// linear classifier it is also the exact smallest L2 perturbation that changes the class:
/// no smaller perturbation can make another logit reach f(x)'s, and the projection onto the
/// nearest tie hyperplane (pushed an arbitrarily small step further) does.
public struct LinearClassifierBound<Scalar: TensorScalar>: Sendable {
    /// W, [d, C]: column c is w_c (the layout of a Dense layer).
    public let weight: Tensor<Scalar>
    /// b, [C].
    public let bias: Tensor<Scalar>

    public init(weight: Tensor<Scalar>, bias: Tensor<Scalar>) {
        precondition(weight.rank == 2 && bias.shape == [weight.shape[1]],
                     "a linear classifier needs W [d, C] and b [C]; got \(weight.shape) and \(bias.shape)")
        self.weight = weight
        self.bias = bias
    }

    /// For each input row of `inputs` [N, d]: its class f(x), the bound delta(x; f) and the
    /// class c attaining the minimum (the nearest rival).
    public func bounds(_ inputs: Tensor<Scalar>) -> [(predicted: Int, bound: Double, nearestRival: Int)] {
        let logits = inputs.matmul(weight) + bias
        let (d, classes) = (weight.shape[0], weight.shape[1])
        return logits.argmaxRows().enumerated().map { row, predicted in
            var best = (bound: Double.infinity, rival: predicted)
            for rival in 0..<classes where rival != predicted {
                let gap = Double(logits.scalars[row * classes + predicted] - logits.scalars[row * classes + rival])
                var squaredNorm = 0.0
                for feature in 0..<d {
                    let difference = Double(weight.scalars[feature * classes + rival] - weight.scalars[feature * classes + predicted])
                    squaredNorm += difference * difference
                }
                let distance = Swift.abs(gap) / squaredNorm.squareRoot()
                if distance < best.bound { best = (distance, rival) }
            }
            return (predicted, best.bound, best.rival)
        }
    }

    /// The smallest perturbation attaining the bound for input row `row`: the projection of
    /// x onto the tie hyperplane with the nearest rival, r = -gap (w_f - w_c) / ||w_f - w_c||^2.
    public func boundaryPerturbation(_ inputs: Tensor<Scalar>, row: Int) -> Tensor<Scalar> {
        let result = bounds(inputs.rows(row..<(row + 1)))[0]
        let (d, classes) = (weight.shape[0], weight.shape[1])
        let direction = (0..<d).map { Double(weight.scalars[$0 * classes + result.predicted] - weight.scalars[$0 * classes + result.nearestRival]) }
        let norm = direction.euclideanNorm
        return Tensor(shape: [d], scalars: direction.map { Scalar(-result.bound * $0 / norm) })
    }
}

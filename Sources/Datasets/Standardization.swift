import TensorModule

/// Per-feature standardisation x' = (x - mean) / std, fitted on training inputs and applied
/// unchanged to validation and test inputs (features with zero spread keep std = 1).
/// The standard deviation is the population one (divide by N), as scikit-learn's StandardScaler.
public struct Standardization<Scalar: TensorScalar>: Sendable, Codable {
    /// The mean of each feature over the fitted inputs.
    public let mean: [Scalar]
    /// The standard deviation of each feature (1 where it was 0).
    public let standardDeviation: [Scalar]

    /// Fits on `inputs` of shape `[N, ...]`, one feature per trailing position.
    public init(fitting inputs: Tensor<Scalar>) {
        let n = inputs.shape.first ?? 0
        let width = n == 0 ? 0 : inputs.count / n
        var mean = [Double](repeating: 0, count: width)
        var squares = [Double](repeating: 0, count: width)
        for row in 0..<n {
            for feature in 0..<width {
                let value = Double(inputs.scalars[row * width + feature])
                mean[feature] += value
                squares[feature] += value * value
            }
        }
        self.mean = mean.map { Scalar($0 / Double(max(n, 1))) }
        self.standardDeviation = zip(mean, squares).map { sum, sumOfSquares in
            let average = sum / Double(max(n, 1))
            let variance = max(sumOfSquares / Double(max(n, 1)) - average * average, 0)
            return variance > 0 ? Scalar(variance.squareRoot()) : 1
        }
    }

    /// `inputs` standardised with the fitted statistics.
    public func apply(to inputs: Tensor<Scalar>) -> Tensor<Scalar> {
        let width = mean.count
        precondition(width > 0 && inputs.count % width == 0,
                     "Standardization fitted on \(width) features cannot apply to shape \(inputs.shape)")
        var scalars = inputs.scalars
        for index in scalars.indices {
            let feature = index % width
            scalars[index] = (scalars[index] - mean[feature]) / standardDeviation[feature]
        }
        return Tensor(shape: inputs.shape, scalars: scalars)
    }
}

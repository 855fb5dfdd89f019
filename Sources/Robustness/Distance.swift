import TensorModule

/// How far an adversarial is from its original, per input.
public enum Distance: String, Sendable, CaseIterable {
    /// ||a - b||_2.
    case l2
    /// max |a - b|.
    case linf

    /// The distance of each row of `a` from the same row of `b` (shapes [N, ...]).
    public func measure<Scalar: TensorScalar>(_ a: Tensor<Scalar>, _ b: Tensor<Scalar>) -> [Double] {
        let width = a.count / max(a.shape[0], 1)
        return (0..<a.shape[0]).map { row in
            var total = 0.0, largest = 0.0
            for i in (row * width)..<((row + 1) * width) {
                let difference = Swift.abs(Double(a.scalars[i] - b.scalars[i]))
                total += difference * difference
                largest = max(largest, difference)
            }
            return self == .l2 ? total.squareRoot() : largest
        }
    }
}

import RealModule

extension Tensor {
    /// Independent N(mean, std^2) draws by the Box–Muller transform on `generator`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func randomNormal(shape: [Int], mean: Scalar = 0, standardDeviation: Scalar = 1,
                                    using generator: inout SeededGenerator) -> Tensor {
        let count = shape.reduce(1, *)
        var values = [Scalar]()
        values.reserveCapacity(count + 1)
        while values.count < count {
            let u1 = max(generator.nextUniform(), .leastNonzeroMagnitude)
            let u2 = generator.nextUniform()
            let radius = (-2 * Double.log(u1)).squareRoot()
            values.append(Scalar(radius * Double.cos(2 * .pi * u2)))
            values.append(Scalar(radius * Double.sin(2 * .pi * u2)))
        }
        return Tensor(shape: shape, scalars: values.prefix(count).map { mean + standardDeviation * $0 })
    }

    /// Independent uniform draws from [lower, upper).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func randomUniform(shape: [Int], lower: Scalar = 0, upper: Scalar = 1,
                                     using generator: inout SeededGenerator) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in
            lower + (upper - lower) * Scalar(generator.nextUniform())
        })
    }
}

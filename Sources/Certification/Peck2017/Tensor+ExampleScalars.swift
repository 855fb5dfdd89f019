import TensorModule

extension Tensor where Scalar == Double {
    /// The scalars of example `row` of a batch [N, ...].
    func exampleScalars(_ row: Int) -> ArraySlice<Double> {
        let width = count / Swift.max(shape[0], 1)
        return scalars[(row * width)..<((row + 1) * width)]
    }
}

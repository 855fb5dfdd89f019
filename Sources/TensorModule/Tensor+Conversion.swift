extension Tensor {
    /// `source` with every scalar converted to `Scalar` (exact from Float to Double; rounded
    /// to nearest the other way), in the same shape.
    public init<Source: TensorScalar>(converting source: Tensor<Source>) {
        self.init(shape: source.shape, scalars: source.scalars.map(Scalar.init))
    }
}

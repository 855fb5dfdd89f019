import TensorModule

extension Sequential {
    /// `model` with every parameter and buffer converted to `Scalar`: a Float network in Double
    /// to check bounds or certificates computed in Float (exact from Float to Double).
    public convenience init<Source: TensorScalar>(converting model: Sequential<Source>) {
        self.init(model.spec, seed: 0)
        for (target, source) in zip(state, model.state) { target.value = Tensor(converting: source.value) }
    }
}

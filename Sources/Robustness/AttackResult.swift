import TensorModule

/// What an attack produced, per input.
public struct AttackResult<Scalar: TensorScalar>: Sendable {
    /// The attack's raw output.
    public var raw: Tensor<Scalar>
    /// `raw` clipped to the classifier's bounds: the adversarials that count.
    public var clipped: Tensor<Scalar>
    /// Whether each clipped input meets the criterion.
    public var success: [Bool]
    /// Distance of each clipped input from its original (infinity where the attack failed).
    public var distances: [Double]
    /// The class the classifier gives each clipped input.
    public var adversarialClasses: [Int]
}

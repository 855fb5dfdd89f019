import TensorModule

/// An adversarial attack in the style of Foolbox 3: it only proposes perturbed inputs
/// (`run`); `AttackDriver.attack` checks the inputs, clips to the classifier's box, applies
/// the criterion and measures distances, the same way for every attack.
public protocol Attack {
    associatedtype Scalar: TensorScalar
    /// Raw adversarial candidates for `inputs` [N, ...] (unclipped; rows that failed may be
    /// returned unchanged or at the attack's largest step).
    func run(_ classifier: Classifier<Scalar>, inputs: Tensor<Scalar>, criterion: Criterion) throws -> Tensor<Scalar>
}

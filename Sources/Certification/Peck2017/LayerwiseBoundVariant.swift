/// Which per-layer inequalities Algorithm 5.1 (Peck et al. 2017) chains.
///
/// `thesis` takes each theorem as printed: Thm 5.1 (kappa / ||W||_F), Thm 5.3 (kappa / t),
/// Thm 5.6 (max_j delta_j), Thm 5.9 (max_a lambda_a) and Thm 4.2 (M' = M sqrt(n)) for the
/// fully-connected head. Several steps of their proofs do not hold in general (Lemma A.4
/// drops the overlap of the convolution windows; Lemmas 5.4 and 5.8 turn "some component
/// must move" into "every component must move"; Thm A.1's remainder; ReLU is not twice
/// differentiable), so these numbers can exceed the true robustness.
///
/// `sound` divides kappa by a proven Lipschitz constant of each layer (Frobenius norm, an
/// operator norm bound, or a sup of the derivative), and bounds the head by its logit
/// margin over the product of its layers' spectral norms. A perturbation smaller than the
/// result cannot change the class.
public enum LayerwiseBoundVariant: String, Sendable, CaseIterable {
    case thesis
    case sound
}

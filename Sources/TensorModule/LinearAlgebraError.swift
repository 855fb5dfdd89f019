/// Why a LAPACK decomposition (`SymmetricEigendecomposition`, `Tensor.singularValues()`,
/// `Tensor.choleskyFactor()`) could not be computed.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// The routine needs a matrix of another shape (a square one for eigenvalues).
    case shape(expected: String, got: [Int])
    /// The matrix holds a NaN or an infinity.
    case notFinite
    /// LAPACK reported failure: `info` > 0 means the iteration did not converge.
    case lapack(routine: String, info: Int)

    public var description: String {
        switch self {
        case let .shape(expected, got): return "expected \(expected), got shape \(got)"
        case .notFinite: return "the matrix holds a NaN or an infinity"
        case let .lapack(routine, info): return "LAPACK \(routine) failed with info = \(info)"
        }
    }
}

import Foundation

/// Why a certificate or bound cannot be computed for a model.
public enum CertificationError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The model's layers are not the kind the bound covers.
    case unsupportedModel(String)

    public var description: String {
        switch self {
        case let .unsupportedModel(detail): return "unsupported model: \(detail)"
        }
    }

    public var errorDescription: String? { description }
}

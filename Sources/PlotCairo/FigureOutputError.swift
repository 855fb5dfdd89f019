import Foundation

/// Why a figure could not be encoded.
public enum FigureOutputError: Error, CustomStringConvertible, LocalizedError {
    case cairo(String)
    case unknownFormat(String)

    public var description: String {
        switch self {
        case let .cairo(message): return "cairo could not encode the figure: \(message)"
        case let .unknownFormat(path): return "\(path): unknown figure format; use .png, .pdf or .svg"
        }
    }

    public var errorDescription: String? { description }
}

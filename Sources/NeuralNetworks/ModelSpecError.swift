import Foundation

/// Why a `ModelSpec` cannot be parsed or built: the place (a layer index or a JSON path) and
/// what is wrong there, with the fix when there is an obvious one.
public struct ModelSpecError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Where the problem is, e.g. "layer 3 (dense)" or "layers[2].units".
    public let location: String
    /// What is wrong and how to fix it.
    public let problem: String

    /// An error at `location` (a layer or JSON path) saying `problem`.
    public init(location: String, problem: String) {
        self.location = location
        self.problem = problem
    }

    /// An error about layer `index` of a spec.
    init(layer index: Int, _ spec: LayerSpec, _ problem: String) {
        self.init(location: "layer \(index) (\(spec.typeName))", problem: problem)
    }

    /// The readable form of a JSON decoding error: the JSON path and what was expected there.
    init(decoding error: DecodingError) {
        func path(_ keys: [CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "the top level" : text)
        }
        switch error {
        case let .keyNotFound(key, context):
            self.init(location: path(context.codingPath + [key]), problem: "missing")
        case let .typeMismatch(type, context):
            self.init(location: path(context.codingPath), problem: "expected a value of type \(type)")
        case let .valueNotFound(type, context):
            self.init(location: path(context.codingPath), problem: "expected a value of type \(type), found null")
        case let .dataCorrupted(context):
            self.init(location: path(context.codingPath), problem: context.debugDescription)
        @unknown default:
            self.init(location: "the JSON", problem: String(describing: error))
        }
    }

    public var description: String { "model spec, \(location): \(problem)" }

    public var errorDescription: String? { description }
}

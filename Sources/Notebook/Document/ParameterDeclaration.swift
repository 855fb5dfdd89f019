import NotebookWire

/// A notebook parameter declared in the front matter, like papermill's tagged cell.
///
/// ```yaml
/// params:
///   epochs: 3                                   # type inferred from the default
///   profile: {default: quick, choices: [quick, paper], help: "experiment size"}
///   learning-rate: {type: double, default: 0.1}  # not a Swift name: rejected
/// ```
/// The generated program declares `let epochs: Int` for every parameter, so cells use
/// parameters as ordinary constants.
public struct ParameterDeclaration: Sendable, Hashable, Codable {
    /// The parameter's name, a Swift identifier.
    public var name: String
    /// Its type.
    public var type: ParameterType
    /// The value used when the command line does not set it.
    public var defaultValue: ParameterValue
    /// The only values allowed, when the parameter is an enumeration (empty: any value).
    public var choices: [ParameterValue]
    /// One line saying what the parameter controls.
    public var help: String?
    /// Where the declaration is in the notebook.
    public var location: SourceLocation

    /// A declaration of `name: type = defaultValue`.
    public init(name: String, type: ParameterType, defaultValue: ParameterValue,
                choices: [ParameterValue] = [], help: String? = nil, location: SourceLocation) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.choices = choices
        self.help = help
        self.location = location
    }
}

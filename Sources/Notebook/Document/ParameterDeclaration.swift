import NotebookWire

/// A notebook parameter declared in the front matter, like papermill's tagged cell.
///
/// ```yaml
/// params:
///   epochs: 3                                   # type inferred from the default
///   profile: {default: quick, choices: [quick, claims, paper], type: Profile, help: "experiment size"}
///   learning-rate: {type: double, default: 0.1}  # not a Swift name: rejected
/// ```
/// The generated program declares `let epochs: Int` for every parameter, so cells use
/// parameters as ordinary constants. A `type` that names a library type (a capitalised
/// Swift identifier such as `Profile`, which must be `LosslessStringConvertible`) is checked
/// here as text against `choices` and reaches the program already typed: `let profile: Profile`.
public struct ParameterDeclaration: Sendable, Hashable, Codable {
    /// The parameter's name, a Swift identifier.
    public var name: String
    /// Its type as `margin` parses and checks it (`string` for a library type).
    public var type: ParameterType
    /// The library type the program receives it as (`Profile`), or nil for `type` itself.
    public var libraryType: String?
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
                choices: [ParameterValue] = [], help: String? = nil, libraryType: String? = nil,
                location: SourceLocation) {
        self.name = name
        self.type = type
        self.libraryType = libraryType
        self.defaultValue = defaultValue
        self.choices = choices
        self.help = help
        self.location = location
    }
}

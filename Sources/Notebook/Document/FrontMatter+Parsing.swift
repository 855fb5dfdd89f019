import NotebookWire
import Yams

extension FrontMatter {
    /// The keys the front matter understands.
    public static let knownKeys = ["title", "subtitle", "author", "authors", "date", "abstract",
                                   "seed", "timeout", "inputs", "params"]

    /// Parses the YAML `text` found at line `firstLine` of `file`. Unknown keys, wrong types
    /// and invalid parameter declarations throw `NotebookError.invalidNotebook` at their line.
    public init(yaml text: String, file: String, firstLine: Int) throws {
        self.init()
        let mapping = try YAMLMapping(parsing: text, file: file, firstLine: firstLine, what: "front matter")
        for entry in mapping.entries {
            switch entry.key {
            case "title": title = try entry.string()
            case "subtitle": subtitle = try entry.string()
            case "author", "authors": authors = try entry.strings()
            case "date": date = try entry.string()
            case "abstract": abstract = try entry.string()
            case "seed":
                guard let seed = entry.value.int, seed >= 0 else { throw entry.typeError("a non-negative integer") }
                self.seed = UInt64(seed)
            case "timeout":
                cellTimeout = try entry.nonNegativeNumber()
            case "inputs": inputs = try entry.strings()
            case "params":
                parameters = try FrontMatter.parameters(in: entry, file: file, firstLine: firstLine)
            default:
                throw NotebookError(.invalidNotebook, at: entry.location, "unknown front matter key `\(entry.key)`",
                                    hint: "known keys: \(FrontMatter.knownKeys.joined(separator: ", "))")
            }
        }
    }

    private static func parameters(in entry: YAMLMapping.Entry, file: String,
                                   firstLine: Int) throws -> [ParameterDeclaration] {
        guard let mapping = entry.value.mapping else {
            throw entry.typeError("a mapping of parameter names to defaults, such as {epochs: 3}")
        }
        return try mapping.map { key, value in
            let location = YAMLMapping.location(of: key, file: file, firstLine: firstLine)
            guard let name = key.string, name.isSwiftIdentifier else {
                throw NotebookError(.invalidNotebook, at: location,
                                    "parameter name `\(key.string ?? "?")` is not a Swift identifier",
                                    hint: "use letters, digits and underscores, e.g. `learning_rate`")
            }
            return try ParameterDeclaration(name: name, node: value, location: location,
                                            file: file, firstLine: firstLine)
        }
    }
}

extension ParameterDeclaration {
    /// Reads a declaration from either a bare default (`epochs: 3`) or a mapping with
    /// `default`, optional `type`, `choices` and `help`.
    init(name: String, node: Node, location: SourceLocation, file: String, firstLine: Int) throws {
        var declaredType: ParameterType?
        var libraryType: String?
        var defaultNode = node
        var choiceNodes: [Node] = []
        var help: String?
        if let fields = node.mapping {
            var foundDefault: Node?
            for (key, value) in fields {
                let keyLocation = YAMLMapping.location(of: key, file: file, firstLine: firstLine)
                switch key.string {
                case "default": foundDefault = value
                case "type":
                    if let type = value.string.flatMap(ParameterType.init(rawValue:)) {
                        declaredType = type
                    } else if let typeName = value.string, ParameterDeclaration.isLibraryTypeName(typeName) {
                        (declaredType, libraryType) = (.string, typeName)
                    } else {
                        throw NotebookError(.invalidNotebook, at: keyLocation,
                                            "parameter `\(name)` has an unknown type `\(value.string ?? "?")`",
                                            hint: "use one of int, double, bool, string, or a library type such as Profile")
                    }
                case "choices":
                    guard let sequence = value.sequence else {
                        throw NotebookError(.invalidNotebook, at: keyLocation, "`choices` of `\(name)` must be a list")
                    }
                    choiceNodes = Array(sequence)
                case "help": help = value.string
                default:
                    throw NotebookError(.invalidNotebook, at: keyLocation,
                                        "unknown field `\(key.string ?? "?")` in parameter `\(name)`",
                                        hint: "a parameter may set default, type, choices and help")
                }
            }
            guard let foundDefault else {
                throw NotebookError(.invalidNotebook, at: location, "parameter `\(name)` has no `default`")
            }
            defaultNode = foundDefault
        }
        guard let scalar = defaultNode.scalar else {
            throw NotebookError(.invalidNotebook, at: location,
                                "the default of parameter `\(name)` must be a number, true/false or text")
        }
        let type = declaredType ?? ParameterDeclaration.inferredType(of: defaultNode)
        func value(of text: String) throws -> ParameterValue {
            guard let value = ParameterValue(parsing: text, as: type) else {
                throw NotebookError(.invalidNotebook, at: location,
                                    "`\(text)` is not a valid \(type.rawValue) for parameter `\(name)`")
            }
            return value
        }
        self.init(name: name, type: type, defaultValue: try value(of: scalar.string),
                  choices: try choiceNodes.map { try value(of: $0.scalar?.string ?? "") },
                  help: help, libraryType: libraryType, location: location)
        if !choices.isEmpty, !choices.contains(defaultValue) {
            throw NotebookError(.invalidNotebook, at: location,
                                "the default `\(defaultValue)` of `\(name)` is not one of its choices")
        }
    }

    /// Whether `name` can name a library type: a Swift identifier that starts with a capital letter.
    static func isLibraryTypeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isUppercase, first.isASCII else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_") }
    }

    private static func inferredType(of node: Node) -> ParameterType {
        if node.int != nil { return .int }
        if node.float != nil { return .double }
        if node.bool != nil { return .bool }
        return .string
    }
}

extension String {
    /// Whether the string is a plain Swift identifier (letters, digits, `_`; not starting with a digit).
    var isSwiftIdentifier: Bool {
        guard let first = unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}

import NotebookWire

extension CellOptions {
    /// The option keys a cell understands (`fig-cap` and `tbl-cap` are Quarto's names for `caption`).
    public static let knownKeys = ["label", "caption", "fig-cap", "tbl-cap", "echo", "eval", "output",
                                   "cache", "fig-width", "fig-height", "timeout", "code-fold"]

    /// Parses the `//| key: value` lines of a cell (without the `//|` prefix), the first of
    /// which is line `firstLine` of `file`. An unknown key or a wrong value throws
    /// `NotebookError.invalidNotebook` at its line.
    public init(yaml text: String, file: String, firstLine: Int) throws {
        self.init()
        do {
            try read(YAMLMapping(parsing: text, file: file, firstLine: firstLine, what: "cell options"))
        } catch var error as NotebookError {
            let column = error.location?.column
            error.location?.column = column.map { $0 + "//| ".count }
            throw error
        }
    }

    /// Sets the options from `mapping`; columns in its errors count from after `//| `.
    private mutating func read(_ mapping: YAMLMapping) throws {
        for entry in mapping.entries {
            switch entry.key {
            case "label":
                let label = try entry.string()
                guard label.isCrossReferenceLabel else {
                    throw NotebookError(.invalidNotebook, at: entry.location, "label `\(label)` is not a valid label",
                                        hint: "use letters, digits and dashes, e.g. fig-loss or tbl-accuracy")
                }
                self.label = label
            case "caption", "fig-cap", "tbl-cap": caption = try entry.string()
            case "echo": echo = try entry.bool()
            case "eval": eval = try entry.bool()
            case "output":
                if let shown = entry.value.bool {
                    output = shown ? .show : .hide
                } else if entry.value.string == "asis" {
                    output = .asis
                } else {
                    throw entry.typeError("true, false or asis")
                }
            case "cache": cache = try entry.bool()
            case "fig-width": figureWidth = try entry.positiveNumber()
            case "fig-height": figureHeight = try entry.positiveNumber()
            case "timeout": timeout = try entry.positiveNumber()
            case "code-fold":
                if let folded = entry.value.bool {
                    codeFolding = folded ? .folded : .none
                } else if entry.value.string == "show" {
                    codeFolding = .open
                } else {
                    throw entry.typeError("true, false or show")
                }
            default:
                let suggestion = CellOptions.knownKeys.min { $0.editDistance(to: entry.key) < $1.editDistance(to: entry.key) }
                throw NotebookError(.invalidNotebook, at: entry.location, "unknown cell option `\(entry.key)`",
                                    hint: "did you mean `\(suggestion ?? "")`? Known options: \(CellOptions.knownKeys.joined(separator: ", "))")
            }
        }
    }
}

extension YAMLMapping.Entry {
    /// The value as a number greater than zero, or an error naming the key.
    func positiveNumber() throws -> Double {
        let number = try nonNegativeNumber()
        guard number > 0 else { throw typeError("a number greater than 0") }
        return number
    }
}

extension String {
    /// Whether the string can be a cell label: letters, digits, `-` and `_`, starting with a letter.
    var isCrossReferenceLabel: Bool {
        guard let first = unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return unicodeScalars.allSatisfy { $0 == "-" || $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// The Levenshtein distance to `other`, for "did you mean" hints.
    func editDistance(to other: String) -> Int {
        let source = Array(self), target = Array(other)
        var previous = Array(0...target.count)
        for (row, sourceCharacter) in source.enumerated() {
            var current = [row + 1]
            for (column, targetCharacter) in target.enumerated() {
                current.append(Swift.min(previous[column + 1] + 1, current[column] + 1,
                                         previous[column] + (sourceCharacter == targetCharacter ? 0 : 1)))
            }
            previous = current
        }
        return previous[target.count]
    }
}

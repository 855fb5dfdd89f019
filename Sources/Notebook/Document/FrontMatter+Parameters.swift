import Foundation
import NotebookWire

extension FrontMatter {
    /// The values one render uses: each declared parameter's default, replaced by an
    /// assignment from the command line (`-P epochs=3`) when one is given.
    ///
    /// Throws `NotebookError.invalidParameter` for an undeclared name, a value that does not
    /// parse as the declared type, or one outside `choices`.
    public func bindings(for assignments: [ParameterAssignment]) throws -> [ParameterBinding] {
        var overrides: [String: ParameterValue] = [:]
        for assignment in assignments {
            let (name, text) = (assignment.name, assignment.text)
            guard let declaration = parameters.first(where: { $0.name == name }) else {
                let known = parameters.map(\.name).joined(separator: ", ")
                throw NotebookError(.invalidParameter, "the notebook declares no parameter `\(name)`",
                                    hint: known.isEmpty ? "declare it under `params:` in the front matter"
                                                        : "declared parameters: \(known)")
            }
            guard let value = ParameterValue(parsing: text, as: declaration.type) else {
                throw NotebookError(.invalidParameter, at: declaration.location,
                                    "`\(text)` is not a valid \(declaration.type.rawValue) for parameter `\(name)`",
                                    hint: "e.g. -P \(name)=\(declaration.defaultValue)")
            }
            if !declaration.choices.isEmpty, !declaration.choices.contains(value) {
                throw NotebookError(.invalidParameter, at: declaration.location,
                                    "`\(text)` is not an allowed value of parameter `\(name)`",
                                    hint: "choose one of: \(declaration.choices.map(\.description).joined(separator: ", "))")
            }
            overrides[name] = value
        }
        return parameters.map { declaration in
            ParameterBinding(name: declaration.name, value: overrides[declaration.name] ?? declaration.defaultValue,
                             isOverridden: overrides[declaration.name] != nil)
        }
    }
}

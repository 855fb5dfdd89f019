import ArgumentParser
import Notebook

/// `-P name=value` is parsed while the command line is read, so a malformed assignment is a
/// usage error (exit 64) before any notebook is opened.
extension ParameterAssignment: ExpressibleByArgument {
    /// The assignment `argument` (`name=value`), or nil when it has no `=` or no name.
    public init?(argument: String) {
        guard let assignment = try? ParameterAssignment(parsing: argument) else { return nil }
        self = assignment
    }
}

/// A failure while writing a report (a file that cannot be written, a figure that cannot be
/// decoded), with a message saying what and where.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// An error saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}

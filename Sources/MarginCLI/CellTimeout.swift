import ArgumentParser

/// The value of `--timeout`: a positive, finite number of seconds that every cell may run,
/// or `none` for no limit (paper-profile renders train for hours in one cell).
enum CellTimeout: Hashable, ExpressibleByArgument {
    /// Every cell may run this many seconds.
    case seconds(Double)
    /// No cell has a time limit.
    case unlimited

    /// Parses `none` or a positive, finite number of seconds; nil for anything else.
    init?(argument: String) {
        if argument == "none" {
            self = .unlimited
        } else if let seconds = Double(argument), seconds > 0, seconds.isFinite {
            self = .seconds(seconds)
        } else {
            return nil
        }
    }

    /// The limit in seconds as `ExecutionSettings.cellTimeout` takes it: infinity for `none`.
    var limit: Double {
        switch self {
        case .seconds(let seconds): seconds
        case .unlimited: .infinity
        }
    }
}

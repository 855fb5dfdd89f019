import ArgumentParser
import Report

/// `--format html pdf`: the formats by their raw values, listed in `--help`.
extension ReportFormat: ExpressibleByArgument {}

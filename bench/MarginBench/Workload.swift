/// One benchmarked computation: `prepare` builds its inputs (not timed) and returns the
/// closure that is timed. `peer` names the program that runs the same workload in
/// bench/peers/ (the ratio's denominator).
struct Workload: Sendable {
    let name: String
    let peer: String
    let prepare: @Sendable () throws -> () throws -> Void
}

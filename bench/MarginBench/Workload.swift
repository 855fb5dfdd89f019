/// One benchmarked computation: `prepare` builds its inputs (not timed) and returns the
/// closure that is timed. `peer` names the program in bench/peers/ whose line `compared`
/// (by default this workload's own name) is the ratio's denominator.
struct Workload: Sendable {
    let name: String
    let peer: String
    let compared: String
    let prepare: @Sendable () throws -> () throws -> Void

    init(name: String, peer: String, comparedWith compared: String? = nil,
         prepare: @escaping @Sendable () throws -> () throws -> Void) {
        self.name = name
        self.peer = peer
        self.compared = compared ?? name
        self.prepare = prepare
    }
}

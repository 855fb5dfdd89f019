/// A value handed to the threads of `ParallelChunks.run`, which only use it while the call
/// lasts and each write a disjoint part of the output.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

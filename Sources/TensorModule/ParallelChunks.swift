import Dispatch
import Foundation

/// Runs a loop over 0..<count as one contiguous chunk per core, concurrently (Dispatch's
/// concurrentPerform), for the memory-bound kernels BLAS does not cover (im2col, pooling,
/// permutations, elementwise maps). A chunk gets at least `elementsPerChunk` elements (each
/// iteration touching `elementsPerIteration`); smaller loops run on the calling thread: below
/// that, waking a second thread costs more than it saves (on the 2-core Xeon of the README, a
/// 150 x 1024 Float difference took 40 us in the median on one thread and 75 us split in
/// two: 2^18 elements, 1 MiB of Floats, per chunk keeps the MLPs' activations on one thread and
/// still splits the CNN's). Each chunk must write only its own part of the output; results do
/// not depend on the split.
enum ParallelChunks {
    static let cores = max(ProcessInfo.processInfo.activeProcessorCount, 1)
    static let elementsPerChunk = 1 << 18

    static func run(count: Int, elementsPerIteration: Int = 1, _ body: (Range<Int>) -> Void) {
        let chunks = min(cores, count / max(elementsPerChunk / max(elementsPerIteration, 1), 1))
        guard chunks > 1 else {
            body(0..<count)
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                shared.value(count * chunk / chunks..<count * (chunk + 1) / chunks)
            }
        }
    }
}

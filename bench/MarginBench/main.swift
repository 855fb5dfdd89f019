import Foundation
import Margin

/// `MarginBench list` prints each workload's name, its peer program and the peer's line it is
/// compared with; `MarginBench run NAME [REPEATS]` times one
/// workload in this process (so its peak resident memory is its own) and prints
/// `NAME ms=<median> peak_rss_mib=<peak>`. bench/run.sh joins these lines with the peers'.
let workloads: [Workload] = coreWorkloads + matrixProductWorkloads + plotWorkloads

func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2]
        : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "list":
    for workload in workloads { print("\(workload.name) \(workload.peer) \(workload.compared)") }
case "run":
    guard let name = arguments.dropFirst().first,
          let workload = workloads.first(where: { $0.name == name }) else {
        FileHandle.standardError.write(Data("usage: MarginBench run NAME [REPEATS]; names: \(workloads.map(\.name))\n".utf8))
        exit(2)
    }
    // As in every notebook program (NotebookSession.start).
    AllocatorTuning.retainFreedMemory()
    let repeats = arguments.dropFirst(2).first.flatMap(Int.init) ?? 10
    let body = try workload.prepare()
    try body()
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    print(String(format: "%@ ms=%.3f peak_rss_mib=%.1f", workload.name, median(times), peakResidentMiB()))
default:
    FileHandle.standardError.write(Data("usage: MarginBench list | run NAME [REPEATS]\n".utf8))
    exit(2)
}

/// The figure workloads (issue 8) against matplotlib in bench/peers/matplotlib_scatter.py.
let plotWorkloads: [Workload] = []

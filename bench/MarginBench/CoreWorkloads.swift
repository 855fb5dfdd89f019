/// The numerical-core workloads (issue 3, a–d) against JAX in bench/peers/jax_core.py.
let coreWorkloads: [Workload] = []

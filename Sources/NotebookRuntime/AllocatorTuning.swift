import CMalloc

/// Process-wide malloc settings for numerical work.
///
/// glibc serves allocations above its mmap threshold (128 KiB at first) with fresh pages and
/// returns freed heap tops to the kernel, so every large tensor of a training step — a
/// 100 x 1024 activation is 400 KiB — costs page faults and kernel zero-filling again. Keeping
/// freed memory in the process (as JAX's and PyTorch's caching allocators do) removes that:
/// `make bench` measured 30–40% less time for the CNN and MLP gradients. Peak memory is
/// unchanged; the process just does not hand memory back until it exits.
public enum AllocatorTuning {
    /// Serves allocations up to 256 MiB from the heap and never trims it. Safe to call more
    /// than once; does nothing where the C library has no `mallopt`.
    public static func retainFreedMemory() {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, 256 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
        #endif
    }
}

/// The shape of one matrix product a bench workload issues: op(A) op(B) with op(A) of shape
/// [m, k] and op(B) of shape [k, n].
struct MatrixProduct {
    let m: Int, n: Int, k: Int
    var transposeLeft = false
    var transposeRight = false
}

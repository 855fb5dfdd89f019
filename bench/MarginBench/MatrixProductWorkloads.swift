import Margin

/// The matrix products of the MLP and CRC workloads alone, issued back to back through
/// `Tensor.matmul` (OpenBLAS sgemm, output allocated as in the real computation) on inputs
/// made beforehand: a floor under those workloads' times, since everything else (elementwise
/// maps, the tape) comes on top. Each is compared with the peer's time for the *whole*
/// workload, so a ratio above 1 says OpenBLAS's products alone take longer than JAX's
/// complete gradient.
let matrixProductWorkloads: [Workload] = [2, 3, 4].map { depth in
    matrixProductsWorkload(of: "mlp\(depth)-sigmoid-grad",
                           products: mlpGradientProducts(widths: [784] + Array(repeating: 1024, count: depth - 1) + [10], batch: 100))
} + [
    // CRC's step: the forward pass of the 2-layer net, then the input gradient only (no weight gradients).
    matrixProductsWorkload(of: "crc-inner-loop", repeating: 600, products: [
        MatrixProduct(m: 150, n: 1024, k: 784), MatrixProduct(m: 150, n: 10, k: 1024),
        MatrixProduct(m: 150, n: 1024, k: 10, transposeRight: true), MatrixProduct(m: 150, n: 784, k: 1024, transposeRight: true),
    ]),
]

/// The products of a dense network's parameter gradient over a batch: x W per layer forward;
/// backward, dW = x^T g per layer and dx = g W^T for every layer but the first.
func mlpGradientProducts(widths: [Int], batch: Int) -> [MatrixProduct] {
    let layers = Array(zip(widths, widths.dropFirst()))
    let forward = layers.map { MatrixProduct(m: batch, n: $0.1, k: $0.0) }
    let backward = layers.indices.reversed().flatMap { index in
        let (inputs, units) = layers[index]
        let weightGradient = MatrixProduct(m: inputs, n: units, k: batch, transposeLeft: true)
        return index == 0 ? [weightGradient]
            : [weightGradient, MatrixProduct(m: batch, n: inputs, k: units, transposeRight: true)]
    }
    return forward + backward
}

func matrixProductsWorkload(of workload: String, repeating repeats: Int = 1, products: [MatrixProduct]) -> Workload {
    Workload(name: "\(workload)-matmuls-only", peer: "jax", comparedWith: workload) {
        var generator = SeededGenerator(seed: 4)
        let operands = products.map { product in
            (Tensor<Float>.randomUniform(shape: product.transposeLeft ? [product.k, product.m] : [product.m, product.k], using: &generator),
             Tensor<Float>.randomUniform(shape: product.transposeRight ? [product.n, product.k] : [product.k, product.n], using: &generator))
        }
        return {
            for _ in 0..<repeats {
                for (product, (left, right)) in zip(products, operands) {
                    _ = left.matmul(right, transposeSelf: product.transposeLeft, transposeOther: product.transposeRight)
                }
            }
        }
    }
}

/// e^x and the sigmoid for Float buffers, written as branch-free scalar code so that the
/// compiler's loop vectorizer runs it eight or sixteen lanes at a time (with fused multiply-adds
/// on the build's target CPU); the Float paths of `Tensor.applying(.exp)` and `.sigmoid`
/// (Double keeps the C library's exp). Swift's SIMD types were tried first: their mixed
/// scalar-vector operators and masks compiled to 128-bit pieces and out-of-line calls, over
/// four times slower for the sigmoid.
///
/// Range reduction x = n ln 2 + r with n = round(x / ln 2) and |r| <= ln 2 / 2 (ln 2 split in
/// two parts, Cody & Waite 1980, so n ln 2 is exact), then e^r by its Taylor polynomial of
/// degree 7 (truncation error below r^8 / 8! < 5e-9, under a tenth of Float's precision), and
/// e^x = 2^n e^r with 2^n built in the exponent bits (in two factors). Results are within 2 ulp of the
/// correctly rounded value; below -87.33 (where 2^n would be subnormal) they are 0, above
/// 88.72 infinity, and NaN stays NaN.
enum VectorExponential {
    static let lowest: Float = -87.33654
    static let highest: Float = 88.72283

    @inline(__always)
    static func exp(_ x: Float) -> Float {
        let clamped = x < lowest ? lowest : (x > highest ? highest : x)
        // Adding 1.5 * 2^23 rounds to the nearest integer and leaves it in the low mantissa bits.
        let shifter: Float = 12_582_912
        let shifted = shifter.addingProduct(clamped, 1.442695041)
        let n = shifted - shifter
        let r = clamped.addingProduct(n, -0.693145751953125).addingProduct(n, -1.428606765330187e-6)
        // Horner's rule, highest coefficient first: p = c + p r.
        var p: Float = 1 / 5040
        for c: Float in [1 / 720, 1 / 120, 1 / 24, 1 / 6, 1 / 2, 1, 1] { p = c.addingProduct(p, r) }
        // 2^n as 2^(n/2) 2^(n - n/2): n reaches 128 near the top, one past the largest exponent.
        let integer = Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000
        let half = integer &>> 1
        let result = p * Float(bitPattern: UInt32(bitPattern: (half &+ 127) &<< 23))
            * Float(bitPattern: UInt32(bitPattern: (integer &- half &+ 127) &<< 23))
        return x < lowest ? 0 : (x > highest ? .infinity : (x != x ? x : result))
    }

    /// y_i = e^(x_i) for buffers of equal count.
    static func exponentials(of x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>) {
        for i in x.indices { y[i] = exp(x[i]) }
    }

    /// y_i = 1 / (1 + e^(-x_i)) for buffers of equal count.
    static func sigmoids(of x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>) {
        for i in x.indices { y[i] = 1 / (1 + exp(-x[i])) }
    }
}

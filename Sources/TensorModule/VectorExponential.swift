/// e^x for sixteen Floats at a time (SIMD vectors, as wide as the build's target CPU allows), for the
/// Float paths of `Tensor.applying(.exp)` and `.sigmoid` (Double keeps the C library's exp).
///
/// Range reduction x = n ln 2 + r with n = round(x / ln 2) and |r| <= ln 2 / 2 (ln 2 split in
/// two parts, Cody & Waite 1980, so n ln 2 is exact), then e^r by its Taylor polynomial of
/// degree 7 (truncation error below r^8 / 8! < 5e-9, under a tenth of Float's precision), and
/// e^x = 2^n e^r with 2^n built in the exponent bits (in two factors). Results are within 2 ulp of the
/// correctly rounded value; below -87.33 (where 2^n would be subnormal) they are 0, above
/// 88.72 infinity, and NaN stays NaN.
enum VectorExponential {
    typealias Vector = SIMD16<Float>

    @inline(__always)
    static func exp(_ x: Vector) -> Vector {
        let lowest: Float = -87.33654, highest: Float = 88.72283
        var clamped = x
        clamped.replace(with: lowest, where: x .< lowest)
        clamped.replace(with: highest, where: x .> highest)
        // Adding 1.5 * 2^23 rounds to the nearest integer and leaves it in the low mantissa bits.
        let shifter = Vector(repeating: 12_582_912)
        let shifted = clamped * 1.442695041 + shifter
        let n = shifted - shifter
        let r = clamped - n * 0.693145751953125 - n * 1.428606765330187e-6
        var p = Vector(repeating: 1 / 5040)
        p = p * r + 1 / 720
        p = p * r + 1 / 120
        p = p * r + 1 / 24
        p = p * r + 1 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        // 2^n as 2^(n/2) 2^(n - n/2): n reaches 128 near the top, one past the largest exponent.
        let integer = unsafeBitCast(shifted, to: SIMD16<Int32>.self) &- 0x4B40_0000
        let half = integer &>> 1
        var result = p * unsafeBitCast((half &+ 127) &<< 23, to: Vector.self)
            * unsafeBitCast((integer &- half &+ 127) &<< 23, to: Vector.self)
        result.replace(with: 0, where: x .< lowest)
        result.replace(with: .infinity, where: x .> highest)
        result.replace(with: x, where: x .!= x)
        return result
    }

    /// The functions built on `exp` that `apply` evaluates.
    enum Function {
        /// e^x.
        case exp
        /// 1 / (1 + e^-x).
        case sigmoid
    }

    @inline(__always)
    static func evaluate(_ function: Function, _ x: Vector) -> Vector {
        switch function {
        case .exp: return exp(x)
        case .sigmoid: return 1 / (1 + exp(-x))
        }
    }

    /// `function` of every element of `x` into `y` (equal counts), sixteen at a time; the
    /// last partial group is padded with zeros.
    static func apply(_ function: Function, to x: UnsafeBufferPointer<Float>, into y: UnsafeMutableBufferPointer<Float>) {
        let whole = x.count / Vector.scalarCount * Vector.scalarCount
        var start = 0
        let (source, target) = (UnsafeRawPointer(x.baseAddress), UnsafeMutableRawPointer(y.baseAddress))
        while start < whole {
            let offset = start * MemoryLayout<Float>.stride
            target!.storeBytes(of: evaluate(function, source!.loadUnaligned(fromByteOffset: offset, as: Vector.self)),
                               toByteOffset: offset, as: Vector.self)
            start += Vector.scalarCount
        }
        guard whole < x.count else { return }
        var tail = Vector()
        for i in whole..<x.count { tail[i - whole] = x[i] }
        let value = evaluate(function, tail)
        for i in whole..<x.count { y[i] = value[i - whole] }
    }
}

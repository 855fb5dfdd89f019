import NeuralNetworks

/// Linear bounds slope * z + lowerOffset <= sigma(z) <= slope * z + upperOffset of an
/// activation on a pre-activation interval [l, u], one per neuron, as CROWN propagates them
/// (Zhang et al. 2018), with sigma and sigma' from `Activation.value` and `Activation.derivative`.
///
/// Smooth activations (sigmoid, tanh, softplus) get two lines parallel to the chord, slope
/// a = (sigma(u) - sigma(l)) / (u - l), shifted to the extremes of sigma(z) - a z on [l, u],
/// which lie at l, u or where sigma'(z) = a (found by bisection on the monotone pieces of
/// sigma': increasing below 0 and decreasing above for sigmoid and tanh, increasing for
/// softplus). This is sound and tight as the interval shrinks; CROWN-general instead picks
/// tangents that may differ in slope, so its bounds can be somewhat tighter. ReLU gets
/// CROWN-Ada's chord above and the adaptive 0-or-1 slope below, where slopes differ.
public struct LinearRelaxation: Sendable {
    /// Slopes of the lower and upper lines (equal for smooth activations).
    public var lowerSlope: [Double], upperSlope: [Double]
    /// Offsets of the lower and upper lines.
    public var lowerOffset: [Double], upperOffset: [Double]

    /// The relaxation of `activation` on [lower[i], upper[i]] for each neuron i.
    public init(_ activation: Activation, lower: [Double], upper: [Double]) {
        precondition(lower.count == upper.count, "\(lower.count) lower but \(upper.count) upper bounds")
        let count = lower.count
        lowerSlope = [Double](repeating: 0, count: count)
        upperSlope = lowerSlope
        lowerOffset = lowerSlope
        upperOffset = lowerSlope
        for i in 0..<count {
            let (l, u) = (lower[i], max(upper[i], lower[i]))
            if let leak = activation.negativeSlope {
                if l >= 0 || u <= 0 {
                    let slope = l >= 0 ? 1 : leak
                    (lowerSlope[i], upperSlope[i]) = (slope, slope)
                } else {
                    let slope = (u - leak * l) / (u - l)
                    upperSlope[i] = slope
                    upperOffset[i] = (leak - slope) * l
                    lowerSlope[i] = u >= -l ? 1 : leak
                }
                continue
            }
            let f = activation.value
            if u - l < 1e-9 {
                let slope = activation.derivative(l)
                (lowerSlope[i], upperSlope[i]) = (slope, slope)
                let offset = f(l) - slope * l
                (lowerOffset[i], upperOffset[i]) = (offset - 1e-12, offset + 1e-12)
                continue
            }
            let slope = (f(u) - f(l)) / (u - l)
            var candidates = [l, u]
            let peak = activation == .softplus ? Double.infinity : 0
            candidates += Self.solve(activation, derivative: slope, from: l, to: min(u, peak), increasing: true)
            candidates += Self.solve(activation, derivative: slope, from: max(l, peak), to: u, increasing: false)
            let gaps = candidates.map { f($0) - slope * $0 }
            (lowerSlope[i], upperSlope[i]) = (slope, slope)
            (lowerOffset[i], upperOffset[i]) = (gaps.min()!, gaps.max()!)
        }
    }

    /// The root of sigma'(z) = value on [from, to] where sigma' is monotone, if the ends
    /// bracket it (60 bisection steps).
    private static func solve(_ activation: Activation, derivative value: Double, from: Double, to: Double,
                              increasing: Bool) -> [Double] {
        guard from < to else { return [] }
        let d = activation.derivative
        let sign = increasing ? 1.0 : -1.0
        guard sign * (d(from) - value) <= 0, sign * (d(to) - value) >= 0 else { return [] }
        var (low, high) = (from, to)
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if sign * (d(middle) - value) < 0 { low = middle } else { high = middle }
        }
        return [low, high]
    }
}

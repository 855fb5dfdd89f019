import Foundation

/// Axis ticks by the extended Wilkinson algorithm (Talbot, Lin & Hanrahan, "An Extension of
/// Wilkinson's Algorithm for Positioning Tick Labels on Axes", InfoVis 2010).
///
/// It searches label sequences lmin, lmin + s, ..., lmax with step s = j q 10^z (q from the
/// nice numbers Q, j a skip factor) and maximises
/// 0.25 simplicity + 0.2 coverage + 0.5 density + 0.05 legibility, pruning with the upper
/// bound of each score; only sequences covering the data are kept (R's `labeling::extended`
/// with `only.loose = FALSE` otherwise; here loose labels are preferred for axes that end on
/// a tick).
public enum ExtendedTicks {
    static let niceNumbers: [Double] = [1, 5, 2, 2.5, 4, 3]
    static let weights = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.05)

    /// Tick values for data in [dataMin, dataMax] with about `targetCount` ticks.
    /// - Parameter coverData: require lmin <= dataMin and lmax >= dataMax (default false).
    public static func ticks(dataMin: Double, dataMax: Double, targetCount: Int = 5, coverData: Bool = false) -> [Double] {
        guard dataMin.isFinite, dataMax.isFinite else { return [] }
        if dataMax - dataMin < 1e-12 * max(Swift.abs(dataMin), 1) {
            return [dataMin]
        }
        let m = Double(max(targetCount, 2))
        let q = niceNumbers
        let w = weights
        var best = -2.0
        var result: (lmin: Double, lmax: Double, step: Double)?
        var j = 1.0
        search: while j < 100 {
            for (index, qi) in q.enumerated() {
                let simplicityMax = 1 - Double(index) / Double(q.count - 1) - j + 1
                if w.simplicity * simplicityMax + w.coverage + w.density + w.legibility < best { break search }
                var k = 2.0
                while k < 100 {
                    let densityMax = k >= m ? 2 - (k - 1) / (m - 1) : 1
                    if w.simplicity * simplicityMax + w.coverage + w.density * densityMax + w.legibility < best { break }
                    let delta = (dataMax - dataMin) / (k + 1) / j / qi
                    var z = ceil(log10(delta))
                    while z < 400 {
                        let step = j * qi * pow(10, z)
                        let coverageMax = coverageBound(dataMin, dataMax, span: step * (k - 1))
                        if w.simplicity * simplicityMax + w.coverage * coverageMax + w.density * densityMax + w.legibility < best { break }
                        let minStart = Int((floor(dataMax / step) * j - (k - 1) * j).rounded())
                        let maxStart = Int((ceil(dataMin / step) * j).rounded())
                        if minStart <= maxStart {
                            for start in minStart...maxStart {
                                let lmin = Double(start) * (step / j)
                                let lmax = lmin + step * (k - 1)
                                if coverData && (lmin > dataMin || lmax < dataMax) { continue }
                                let s = simplicity(index: index, count: q.count, j: j, lmin: lmin, lmax: lmax, step: step)
                                let c = coverage(dataMin, dataMax, lmin, lmax)
                                let g = density(k: k, m: m, dataMin, dataMax, lmin, lmax)
                                let score = w.simplicity * s + w.coverage * c + w.density * g + w.legibility
                                if score > best {
                                    best = score
                                    result = (lmin, lmax, step)
                                }
                            }
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        guard let result else { return [dataMin, dataMax] }
        let count = Int(((result.lmax - result.lmin) / result.step).rounded()) + 1
        return (0..<count).map { cleaned(result.lmin + Double($0) * result.step, step: result.step) }
    }

    static func simplicity(index: Int, count: Int, j: Double, lmin: Double, lmax: Double, step: Double) -> Double {
        let epsilon = 1e-10
        let remainder = lmin.truncatingRemainder(dividingBy: step)
        let includesZero = lmin <= 0 && lmax >= 0
            && (Swift.abs(remainder) < epsilon || step - Swift.abs(remainder) < epsilon)
        return 1 - Double(index) / Double(count - 1) - j + (includesZero ? 1 : 0)
    }

    static func coverage(_ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let range = dmax - dmin
        return 1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) / pow(0.1 * range, 2)
    }

    static func coverageBound(_ dmin: Double, _ dmax: Double, span: Double) -> Double {
        let range = dmax - dmin
        guard span > range else { return 1 }
        let half = (span - range) / 2
        return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
    }

    static func density(k: Double, m: Double, _ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let r = (k - 1) / (lmax - lmin)
        let rt = (m - 1) / (max(lmax, dmax) - min(dmin, lmin))
        return 2 - max(r / rt, rt / r)
    }

    /// Rounds away floating-point residue (0.30000000000000004 -> 0.3) at the step's precision.
    static func cleaned(_ value: Double, step: Double) -> Double {
        let decimals = max(0, Int(ceil(-log10(step))) + 2)
        let factor = pow(10, Double(min(decimals, 15)))
        let rounded = (value * factor).rounded() / factor
        return rounded == 0 ? 0 : rounded
    }
}

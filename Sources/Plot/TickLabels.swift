import Foundation

/// Readable tick labels: the fewest decimals that tell the ticks apart (0.25, 1.5, 40),
/// scientific notation for very large or small magnitudes (1e-5, 2.5e6), and powers of ten
/// with superscripts for log axes (10³, 10⁻⁵).
public enum TickLabels {
    /// Labels for evenly spaced linear ticks.
    public static func linear(_ ticks: [Double]) -> [String] {
        guard let largest = ticks.map({ Swift.abs($0) }).max() else { return [] }
        let step = ticks.count > 1 ? Swift.abs(ticks[1] - ticks[0]) : max(largest, 1)
        if largest >= 1e5 || (largest > 0 && largest < 1e-3) {
            return ticks.map { scientific($0, step: step) }
        }
        var decimals = 0
        while decimals < 10 {
            let factor = pow(10, Double(decimals))
            if ticks.allSatisfy({ Swift.abs(($0 * factor).rounded() - $0 * factor) < 1e-6 }) { break }
            decimals += 1
        }
        return ticks.map { value in
            let text = String(format: "%.\(decimals)f", value == 0 ? 0 : value)
            return text.hasPrefix("-") ? "−" + text.dropFirst() : text
        }
    }

    /// "1e-5", "2.5e6": mantissa with as few digits as the step needs.
    static func scientific(_ value: Double, step: Double) -> String {
        guard value != 0 else { return "0" }
        let exponent = Int(floor(log10(Swift.abs(value))))
        let mantissa = value / pow(10, Double(exponent))
        var text = String(format: "%.2f", mantissa)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return (text.hasPrefix("-") ? "−" + text.dropFirst() : text) + "e\(exponent)"
    }

    /// "10³" for a power of ten; other values of a log axis as plain numbers.
    public static func logarithmic(_ value: Double) -> String {
        let exponent = log10(value)
        if Swift.abs(exponent - exponent.rounded()) < 1e-9 {
            return "10" + superscript(Int(exponent.rounded()))
        }
        return linear([value]).first ?? ""
    }

    static func superscript(_ number: Int) -> String {
        let digits: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                               "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return String(String(number).map { digits[$0] ?? $0 })
    }
}

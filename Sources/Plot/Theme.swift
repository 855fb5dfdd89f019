/// Fonts, sizes and line widths of a figure (defaults close to matplotlib's and ggplot2's
/// classic looks at print size).
public struct Theme: Sendable {
    public var font: String = "DejaVu Sans"
    public var titleSize: Double = 11
    public var labelSize: Double = 9.5
    public var tickLabelSize: Double = 8
    public var legendSize: Double = 8
    public var axisColor = Color(hex: "#333333")
    public var gridColor = Color(hex: "#E5E5E5")
    public var axisWidth: Double = 0.8
    public var tickLength: Double = 3.5
    public var padding: Double = 4

    public init() {}

    func font(size: Double, bold: Bool = false) -> FontSpec { FontSpec(family: font, size: size, bold: bold) }
}

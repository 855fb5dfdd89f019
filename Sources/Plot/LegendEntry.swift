/// One legend row: a swatch of the series' look and its label.
struct LegendEntry {
    enum Swatch { case line(dash: [Double], marker: MarkerShape?), marker(MarkerShape), box }
    let label: String
    let color: Color
    let swatch: Swatch
}

/// A heatmap's colour bar: the value range and its colormap.
struct ColorbarSpec {
    let low: Double, high: Double
    let colormap: Colormap
    let label: String?
}

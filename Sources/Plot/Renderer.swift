/// The handful of primitives a drawing backend implements (PlotCairo's `CairoRenderer`);
/// `DisplayList.render(into:)` drives it.
public protocol Renderer {
    func drawPath(_ elements: [PathElement], fill: Color?, stroke: Stroke?)
    func drawMarkers(at positions: [Point], shape: MarkerShape, size: Double, fill: Color?, stroke: Stroke?)
    func drawText(_ run: TextRun)
    func drawImage(_ image: RasterImage)
    func pushClip(_ rect: Rect)
    func popClip()
}

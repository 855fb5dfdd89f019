import Foundation

extension FigureBuilder {
    /// The categorical names a mark imposes on the x axis (bars, boxes, heatmap columns).
    private func categories(of marks: [Mark]) -> (x: [String]?, y: [String]?) {
        for mark in marks {
            switch mark {
            case let .bars(categories, _, _): return (categories, nil)
            case let .boxPlot(groups, _, _): return (groups, nil)
            case let .heatmap(_, rows, columns, _, _, _): return (columns, rows.reversed())
            default: continue
            }
        }
        return (nil, nil)
    }

    /// Lays out one axes panel in `cell`: trains scales, sizes margins from measured labels,
    /// then draws grid, marks (clipped to the plot area), axes, labels, legend, colour bar.
    /// `sharedValues` join this panel's data when training its scales (shared axes).
    mutating func layoutAxes(_ axes: Axes, in cell: Rect, sharedValues: (x: [Double], y: [Double])) throws {
        let marks = try axes.marks.map { try clean($0) }
        let (xScale, yScale) = try trainScales(axes, marks: marks, in: cell, sharedValues: sharedValues)
        let guides = (colorbar: marks.compactMap(colorbarSpec).first, legend: legendEntries(marks))
        let (plot, rotateX) = plotArea(axes, in: cell, x: xScale, y: yScale, guides: guides)
        try drawPanel(axes, marks: marks, in: AxesFrame(plot: plot, x: xScale, y: yScale), cell: cell, rotateX: rotateX, guides: guides)
    }

    /// The panel's x and y scales, trained on its marks' data and `sharedValues`: categorical
    /// when a mark names categories, from zero for bars and stacked areas on a linear y axis,
    /// with about one tick per 32 points of the cell.
    private func trainScales(_ axes: Axes, marks: [Mark], in cell: Rect,
                             sharedValues: (x: [Double], y: [Double])) throws -> (x: Scale, y: Scale) {
        let (xCategories, yCategories) = categories(of: marks)
        let xKind = xCategories.map { ScaleKind.categorical($0) } ?? axes.xScale
        let yKind = yCategories.map { ScaleKind.categorical($0) } ?? axes.yScale
        let extents = marks.map(dataExtent)
        let xValues = extents.flatMap(\.x) + sharedValues.x, yValues = extents.flatMap(\.y) + sharedValues.y
        let zeroBased = marks.contains { if case .bars = $0 { return true }; if case .stackedArea = $0 { return true }; return false }
        let xScale = try Scale(kind: xKind, values: xValues, limits: axes.xLimits, targetTicks: tickTarget(cell.width - 70))
        let yScale = try Scale(kind: yKind, values: yValues, includeZero: zeroBased && axes.yScale == .linear,
                               limits: axes.yLimits, targetTicks: tickTarget(cell.height - 70))
        return (xScale, yScale)
    }

    /// The plot rectangle inside `cell`, after margins for the measured tick labels, axis
    /// labels, title, colour bar and an outside legend; and whether the x tick labels are
    /// rotated (when the widest does not fit its slot).
    private func plotArea(_ axes: Axes, in cell: Rect, x xScale: Scale, y yScale: Scale,
                          guides: (colorbar: ColorbarSpec?, legend: [LegendEntry])) -> (plot: Rect, rotateX: Bool) {
        let tickFont = theme.font(size: theme.tickLabelSize)
        let labelFont = theme.font(size: theme.labelSize)
        let yTickWidth = yScale.labels.map { measurer.measure($0, font: tickFont).width }.max() ?? 0
        let tickHeight = measurer.measure("0", font: tickFont).height
        let labelHeight = measurer.measure("Ag", font: labelFont).height
        let pad = theme.padding
        var left = cell.x + pad + theme.tickLength + pad / 2 + yTickWidth
        if axes.yLabel != nil { left += labelHeight + pad }
        var top = cell.y + pad * 2
        if let title = axes.title { top += measurer.measure(title, font: theme.font(size: theme.titleSize)).height + pad }
        var right = cell.maxX - pad * 2
        if let colorbar = guides.colorbar { right -= colorbarWidth(colorbar) }
        if axes.legend == .outsideRight, !guides.legend.isEmpty { right -= legendSize(guides.legend).width + pad * 2 }

        let xTickWidths = xScale.labels.map { measurer.measure($0, font: tickFont).width }
        let slot = (right - left) / Double(max(xScale.ticks.count, 1))
        let rotateX = (xTickWidths.max() ?? 0) > slot * 0.95
        var bottom = cell.maxY - pad - theme.tickLength - pad / 2 - (rotateX ? (xTickWidths.max() ?? 0) : tickHeight)
        if axes.xLabel != nil { bottom -= labelHeight + pad }
        return (Rect(x: left, y: top, width: max(right - left, 10), height: max(bottom - top, 10)), rotateX)
    }

    /// Draws the panel into the display list: grid, marks clipped to the plot area, axis lines
    /// and ticks, axis labels, title, colour bar, and the legend placed clear of the marks.
    private mutating func drawPanel(_ axes: Axes, marks: [Mark], in frame: AxesFrame, cell: Rect, rotateX: Bool,
                               guides: (colorbar: ColorbarSpec?, legend: [LegendEntry])) throws {
        let plot = frame.plot, pad = theme.padding
        if axes.grid { drawGrid(frame) }
        items.append(.beginClip(plot))
        let firstMarkItem = items.count
        var seriesIndex = 0
        for mark in marks { draw(mark, in: frame, seriesIndex: &seriesIndex) }
        items.append(.endClip)
        drawAxisLines(frame, rotateX: rotateX)
        if let label = axes.xLabel {
            addCentredText(label, size: theme.labelSize, over: plot.x + plot.width / 2, within: cell.x...cell.maxX,
                           at: cell.maxY - pad, vertical: .bottom)
        }
        if let label = axes.yLabel {
            let font = fittedFont(label, size: theme.labelSize, width: cell.height - 2 * pad)
            addText(label, at: Point(cell.x + pad, plot.y + plot.height / 2), font: font,
                    horizontal: .middle, vertical: .top, rotation: 90)
        }
        if let title = axes.title {
            addCentredText(title, size: theme.titleSize, over: plot.x + plot.width / 2, within: cell.x...cell.maxX,
                           at: cell.y + pad * 2, vertical: .top)
        }
        if let colorbar = guides.colorbar { try drawColorbar(colorbar, beside: plot) }
        if !guides.legend.isEmpty, axes.legend != .none {
            drawLegend(guides.legend, placement: axes.legend, plot: plot, covering: items[firstMarkItem...])
        }
    }

    /// About one labelled tick per 32 points of axis (close to matplotlib's density at print
    /// size), between 4 and 9.
    private func tickTarget(_ length: Double) -> Int {
        min(max(Int((length / 32).rounded()), 4), 9)
    }

    private mutating func drawGrid(_ frame: AxesFrame) {
        var path: [PathElement] = []
        if case .categorical = frame.y.kind {} else {
            for tick in frame.y.ticks {
                let y = frame.plot.maxY - frame.y.tickFraction(tick) * frame.plot.height
                path += [.move(Point(frame.plot.x, y)), .line(Point(frame.plot.maxX, y))]
            }
        }
        if case .categorical = frame.x.kind {} else {
            for tick in frame.x.ticks {
                let x = frame.plot.x + frame.x.tickFraction(tick) * frame.plot.width
                path += [.move(Point(x, frame.plot.y)), .line(Point(x, frame.plot.maxY))]
            }
        }
        items.append(.path(path, fill: nil, stroke: Stroke(color: theme.gridColor, width: 0.6)))
    }

    private mutating func drawAxisLines(_ frame: AxesFrame, rotateX: Bool) {
        let plot = frame.plot
        let stroke = Stroke(color: theme.axisColor, width: theme.axisWidth)
        var path: [PathElement] = [.move(Point(plot.x, plot.y)), .line(Point(plot.x, plot.maxY)), .line(Point(plot.maxX, plot.maxY))]
        let tickFont = theme.font(size: theme.tickLabelSize)
        for (tick, label) in zip(frame.x.ticks, frame.x.labels) {
            let x = plot.x + frame.x.tickFraction(tick) * plot.width
            path += [.move(Point(x, plot.maxY)), .line(Point(x, plot.maxY + theme.tickLength))]
            let anchor = Point(x, plot.maxY + theme.tickLength + theme.padding / 2)
            if rotateX {
                addText(label, at: anchor, font: tickFont, color: theme.axisColor, horizontal: .end, vertical: .middle, rotation: 90)
            } else {
                addText(label, at: anchor, font: tickFont, color: theme.axisColor, horizontal: .middle, vertical: .top)
            }
        }
        let minorLength = theme.tickLength * 0.55
        for tick in frame.x.minorTicks {
            let x = plot.x + frame.x.tickFraction(tick) * plot.width
            path += [.move(Point(x, plot.maxY)), .line(Point(x, plot.maxY + minorLength))]
        }
        for tick in frame.y.minorTicks {
            let y = plot.maxY - frame.y.tickFraction(tick) * plot.height
            path += [.move(Point(plot.x, y)), .line(Point(plot.x - minorLength, y))]
        }
        for (tick, label) in zip(frame.y.ticks, frame.y.labels) {
            let y = plot.maxY - frame.y.tickFraction(tick) * plot.height
            path += [.move(Point(plot.x, y)), .line(Point(plot.x - theme.tickLength, y))]
            addText(label, at: Point(plot.x - theme.tickLength - theme.padding / 2, y), font: tickFont, color: theme.axisColor,
                    horizontal: .end, vertical: .middle)
        }
        items.append(.path(path, fill: nil, stroke: stroke))
    }
}

/// Where an axes panel's data go: the plot rectangle and its two scales.
struct AxesFrame {
    let plot: Rect
    let x: Scale
    let y: Scale

    func point(_ xValue: Double, _ yValue: Double) -> Point {
        Point(plot.x + x.fraction(xValue) * plot.width, plot.maxY - y.fraction(yValue) * plot.height)
    }
}

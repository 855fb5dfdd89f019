import Foundation

extension FigureBuilder {
    // MARK: Checking data

    /// The mark with non-finite points dropped (counted in a warning); throws on empty data
    /// or sequences of different lengths.
    mutating func clean(_ mark: Mark) throws -> Mark {
        /// The indices at which every column is finite; the columns must have one length.
        func finiteRows(_ columns: [[Double]]) throws -> [Int] {
            let lengths = columns.map(\.count)
            guard Set(lengths).count == 1 else { throw PlotError.mismatchedLengths(mark: mark.name, lengths: lengths) }
            let kept = columns[0].indices.filter { i in columns.allSatisfy { $0[i].isFinite } }
            note(lengths[0] - kept.count, "\(mark.name): dropped", "point(s) with NaN or infinite values")
            guard !kept.isEmpty else { throw PlotError.emptyData(mark: mark.name) }
            return kept
        }
        switch mark {
        case let .line(x, y, style):
            let kept = try finiteRows([x, y])
            return .line(x: kept.map { x[$0] }, y: kept.map { y[$0] }, style: style)
        case let .scatter(x, y, style):
            let kept = try finiteRows([x, y])
            return .scatter(x: kept.map { x[$0] }, y: kept.map { y[$0] }, style: style)
        case let .errorBars(x, y, lower, upper, style):
            let kept = try finiteRows([x, y, lower, upper])
            return .errorBars(x: kept.map { x[$0] }, y: kept.map { y[$0] }, lower: kept.map { lower[$0] },
                              upper: kept.map { upper[$0] }, style: style)
        case let .band(x, lower, upper, style):
            let kept = try finiteRows([x, lower, upper])
            return .band(x: kept.map { x[$0] }, lower: kept.map { lower[$0] }, upper: kept.map { upper[$0] }, style: style)
        case let .boxPlot(groups, values, style):
            guard groups.count == values.count else {
                throw PlotError.mismatchedLengths(mark: mark.name, lengths: [groups.count, values.count])
            }
            note(nonFinite(values), "box plot: dropped", "NaN or infinite value(s)")
            guard values.contains(where: { $0.contains(where: \.isFinite) }) else { throw PlotError.emptyData(mark: mark.name) }
            return .boxPlot(groups: groups, values: values.map { $0.filter(\.isFinite) }, style: style)
        case let .bars(categories, series, _):
            guard !categories.isEmpty, !series.isEmpty else { throw PlotError.emptyData(mark: mark.name) }
            let lengths = series.map(\.values.count)
            guard lengths.allSatisfy({ $0 == categories.count }) else {
                throw PlotError.mismatchedLengths(mark: mark.name, lengths: [categories.count] + lengths)
            }
            note(nonFinite(series.map(\.values)), "bars: left out", "NaN or infinite value(s)")
            return mark
        case let .stackedArea(x, series):
            guard !series.isEmpty else { throw PlotError.emptyData(mark: mark.name) }
            let kept = try finiteRows([x] + series.map(\.values))
            return .stackedArea(x: kept.map { x[$0] }, series: series.map { entry in (entry.style, kept.map { entry.values[$0] }) })
        case let .heatmap(values, rows, columns, _, _, _):
            guard !values.isEmpty else { throw PlotError.emptyData(mark: mark.name) }
            let lengths = values.map(\.count)
            guard values.count == rows.count, lengths.allSatisfy({ $0 == columns.count }) else {
                throw PlotError.mismatchedLengths(mark: mark.name, lengths: [rows.count, columns.count] + lengths)
            }
            note(nonFinite(values), "heatmap:", "NaN or infinite cell(s) drawn grey")
            return mark
        case .referenceLine, .text:
            return mark
        }
    }

    /// Records "<prefix> <count> <noun>" as a warning when `count` is positive.
    private mutating func note(_ count: Int, _ prefix: String, _ noun: String) {
        if count > 0 { warnings.append("\(prefix) \(count) \(noun)") }
    }

    /// How many values of `rows` are NaN or infinite.
    private func nonFinite(_ rows: [[Double]]) -> Int {
        rows.reduce(0) { $0 + $1.filter { !$0.isFinite }.count }
    }

    /// The data values a mark shows along x and y (category indices on categorical axes).
    func dataExtent(_ mark: Mark) -> (x: [Double], y: [Double]) {
        switch mark {
        case let .line(x, y, _), let .scatter(x, y, _): return (x, y)
        case let .boxPlot(groups, values, _): return (groups.indices.map(Double.init), values.flatMap { $0 })
        case let .bars(categories, series, stacked):
            let totals = stacked
                ? categories.indices.flatMap { i in stackExtents(series.map { $0.values[i] }) }
                : series.flatMap(\.values).filter(\.isFinite)
            return (categories.indices.map(Double.init), totals + [0])
        case let .stackedArea(x, series):
            return (x, x.indices.flatMap { i in stackExtents(series.map { $0.values[i] }) } + [0])
        case let .errorBars(x, y, lower, upper, _): return (x, y + lower + upper)
        case let .band(x, lower, upper, _): return (x, lower + upper)
        case let .heatmap(_, rows, columns, _, _, _): return (columns.indices.map(Double.init), rows.indices.map(Double.init))
        case let .referenceLine(horizontal, value, _): return horizontal ? ([], [value]) : ([value], [])
        case let .text(x, y, _, _): return ([x], [y])
        }
    }

    /// The lowest and highest cumulative sums of a stack (negatives stack downwards).
    private func stackExtents(_ values: [Double]) -> [Double] {
        [values.filter { $0 < 0 }.reduce(0, +), values.filter { $0 > 0 }.reduce(0, +)]
    }

    // MARK: Drawing marks

    mutating func draw(_ mark: Mark, in frame: AxesFrame, seriesIndex: inout Int) {
        func color(_ style: SeriesStyle) -> Color {
            if let color = style.color { return color }
            defer { seriesIndex += 1 }
            return Color.series(seriesIndex)
        }
        switch mark {
        case let .line(x, y, style):
            let points = zip(x, y).map { frame.point($0, $1) }
            let path = [PathElement.move(points[0])] + points.dropFirst().map { .line($0) }
            let lineColor = color(style)
            items.append(.path(path, fill: nil, stroke: Stroke(color: lineColor.withAlpha(style.alpha), width: style.lineWidth, dash: style.dash)))
            if style.lineMarkers {
                items.append(.markers(points, shape: style.marker, size: style.markerSize, fill: lineColor.withAlpha(style.alpha), stroke: nil))
            }
        case let .scatter(x, y, style):
            let fill = color(style).withAlpha(style.alpha)
            items.append(.markers(zip(x, y).map { frame.point($0, $1) }, shape: style.marker, size: style.markerSize,
                                  fill: fill, stroke: nil))
        case let .boxPlot(_, values, style):
            let base = color(style)
            for (index, sample) in values.enumerated() {
                guard let stats = BoxStatistics(sample) else { continue }
                drawBox(stats, at: Double(index), color: base, style: style, frame: frame)
            }
        case let .bars(categories, series, stacked):
            let colors = series.map { color($0.style) }
            let groupWidth = 0.8
            for category in categories.indices {
                var positive = 0.0, negative = 0.0
                for (index, entry) in series.enumerated() {
                    let value = entry.values[category]
                    guard value.isFinite else { continue }
                    let (left, right, low, high): (Double, Double, Double, Double)
                    if stacked {
                        (left, right) = (Double(category) - groupWidth / 2, Double(category) + groupWidth / 2)
                        let base = value >= 0 ? positive : negative
                        (low, high) = (base, base + value)
                        if value >= 0 { positive += value } else { negative += value }
                    } else {
                        let width = groupWidth / Double(series.count)
                        left = Double(category) - groupWidth / 2 + Double(index) * width
                        (right, low, high) = (left + width, 0, value)
                    }
                    let a = frame.point(left, max(low, high)), b = frame.point(right, min(low, high))
                    items.append(.path([.rectangle(Rect(x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y))],
                                       fill: colors[index].withAlpha(entry.style.alpha), stroke: Stroke(color: .white, width: 0.5)))
                }
            }
        case let .stackedArea(x, series):
            var lower = [Double](repeating: 0, count: x.count)
            for entry in series {
                let upper = zip(lower, entry.values).map { $0 + ($1.isFinite ? $1 : 0) }
                let top = zip(x, upper).map { frame.point($0, $1) }
                let bottom = zip(x, lower).map { frame.point($0, $1) }.reversed()
                let path = [PathElement.move(top[0])] + top.dropFirst().map { .line($0) } + bottom.map { .line($0) } + [.close]
                items.append(.path(path, fill: color(entry.style).withAlpha(max(entry.style.alpha, 0.85)), stroke: Stroke(color: .white, width: 0.5)))
                lower = upper
            }
        case let .errorBars(x, y, lower, upper, style):
            let c = color(style)
            var path: [PathElement] = []
            for i in x.indices {
                let (a, b) = (frame.point(x[i], lower[i]), frame.point(x[i], upper[i]))
                path += [.move(a), .line(b), .move(Point(a.x - 3, a.y)), .line(Point(a.x + 3, a.y)),
                         .move(Point(b.x - 3, b.y)), .line(Point(b.x + 3, b.y))]
            }
            items.append(.path(path, fill: nil, stroke: Stroke(color: c, width: 1)))
            items.append(.markers(zip(x, y).map { frame.point($0, $1) }, shape: style.marker, size: style.markerSize, fill: c, stroke: nil))
        case let .band(x, lower, upper, style):
            let top = zip(x, upper).map { frame.point($0, $1) }
            let bottom = zip(x, lower).map { frame.point($0, $1) }.reversed()
            let path = [PathElement.move(top[0])] + top.dropFirst().map { .line($0) } + bottom.map { .line($0) } + [.close]
            items.append(.path(path, fill: color(style).withAlpha(style.alpha), stroke: nil))
        case let .heatmap(values, rows, columns, colormap, showValues, _):
            drawHeatmap(values, rows: rows.count, columns: columns.count, colormap: colormap, showValues: showValues, frame: frame)
        case let .referenceLine(horizontal, value, style):
            let stroke = Stroke(color: style.color ?? .black, width: style.lineWidth, dash: style.dash)
            let path: [PathElement] = horizontal
                ? [.move(Point(frame.plot.x, frame.point(0, value).y)), .line(Point(frame.plot.maxX, frame.point(0, value).y))]
                : [.move(Point(frame.point(value, 0).x, frame.plot.y)), .line(Point(frame.point(value, 0).x, frame.plot.maxY))]
            items.append(.path(path, fill: nil, stroke: stroke))
        case let .text(x, y, text, style):
            addText(text, at: frame.point(x, y), font: theme.font(size: theme.tickLabelSize), color: style.color ?? .black,
                    horizontal: .start, vertical: .bottom)
        }
    }

    private mutating func drawBox(_ stats: BoxStatistics, at position: Double, color: Color, style: SeriesStyle, frame: AxesFrame) {
        let half = 0.3
        let q1 = frame.point(position - half, stats.lowerQuartile), q3 = frame.point(position + half, stats.upperQuartile)
        let box = Rect(x: q1.x, y: q3.y, width: q3.x - q1.x, height: q1.y - q3.y)
        let stroke = Stroke(color: theme.axisColor, width: 1)
        items.append(.path([.rectangle(box)], fill: color.withAlpha(0.55), stroke: stroke))
        let median = frame.point(position, stats.median).y
        let center = frame.point(position, 0).x
        let capHalf = (q3.x - q1.x) / 4
        let low = frame.point(position, stats.lowerWhisker).y, high = frame.point(position, stats.upperWhisker).y
        items.append(.path([
            .move(Point(box.x, median)), .line(Point(box.maxX, median)),
            .move(Point(center, box.maxY)), .line(Point(center, low)), .move(Point(center - capHalf, low)), .line(Point(center + capHalf, low)),
            .move(Point(center, box.y)), .line(Point(center, high)), .move(Point(center - capHalf, high)), .line(Point(center + capHalf, high)),
        ], fill: nil, stroke: Stroke(color: theme.axisColor, width: 1.2)))
        if !stats.outliers.isEmpty {
            items.append(.markers(stats.outliers.map { frame.point(position, $0) }, shape: .circle, size: style.markerSize,
                                  fill: nil, stroke: Stroke(color: theme.axisColor, width: 0.8)))
        }
    }

    private mutating func drawHeatmap(_ values: [[Double]], rows: Int, columns: Int, colormap: Colormap, showValues: Bool, frame: AxesFrame) {
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        let (low, high) = (finite.min() ?? 0, finite.max() ?? 1)
        let span = high - low > 0 ? high - low : 1
        let font = theme.font(size: theme.tickLabelSize)
        let labels = showValues ? TickLabels.linear(finite.isEmpty ? [] : [finite.min()!, finite.max()!]) : []
        let decimals = labels.first.map { $0.split(separator: ".").dropFirst().first?.count ?? 0 } ?? 0
        for row in 0..<rows {
            for column in 0..<columns {
                let value = values[row][column]
                let y = Double(rows - 1 - row)
                let a = frame.point(Double(column) - 0.5, y + 0.5), b = frame.point(Double(column) + 0.5, y - 0.5)
                let fill = value.isFinite ? colormap.color(at: (value - low) / span) : Color(hex: "#BBBBBB")
                items.append(.path([.rectangle(Rect(x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y))], fill: fill, stroke: nil))
                if showValues, value.isFinite {
                    addText(String(format: "%.\(decimals)f", value), at: Point((a.x + b.x) / 2, (a.y + b.y) / 2), font: font,
                            color: fill.luminance > 0.5 ? .black : .white, horizontal: .middle, vertical: .middle)
                }
            }
        }
    }

    // MARK: Legends and colour bars

    /// The legend rows of all marks, with palette colours assigned in the same series order
    /// as `draw` assigns them.
    func legendEntries(_ marks: [Mark]) -> [LegendEntry] {
        var index = 0
        func entry(_ style: SeriesStyle, _ swatch: LegendEntry.Swatch) -> [LegendEntry] {
            let color = style.color ?? Color.series(index)
            if style.color == nil { index += 1 }
            guard let label = style.label else { return [] }
            return [LegendEntry(label: label, color: color, swatch: swatch)]
        }
        return marks.flatMap { mark -> [LegendEntry] in
            switch mark {
            case let .line(_, _, style): return entry(style, .line(dash: style.dash, marker: style.lineMarkers ? style.marker : nil))
            case let .scatter(_, _, style), let .errorBars(_, _, _, _, style): return entry(style, .marker(style.marker))
            case let .band(_, _, _, style), let .boxPlot(_, _, style): return entry(style, .box)
            case let .bars(_, series, _): return series.flatMap { entry($0.style, .box) }
            case let .stackedArea(_, series): return series.flatMap { entry($0.style, .box) }
            case let .referenceLine(_, _, style):
                guard let label = style.label else { return [] }
                return [LegendEntry(label: label, color: style.color ?? .black, swatch: .line(dash: style.dash, marker: nil))]
            case .heatmap, .text: return []
            }
        }
    }

    func legendSize(_ entries: [LegendEntry]) -> (width: Double, rowHeight: Double) {
        let font = theme.font(size: theme.legendSize)
        let widest = entries.map { measurer.measure($0.label, font: font).width }.max() ?? 0
        return (widest + 28, measurer.measure("Ag", font: font).height + 3)
    }

    /// Draws the legend; for `.best`, in the inside corner whose box holds the fewest of the
    /// points drawn by `marks` (path vertices and markers).
    mutating func drawLegend(_ entries: [LegendEntry], placement: Axes.LegendPlacement, plot: Rect,
                             covering marks: ArraySlice<DisplayItem>) {
        let (width, rowHeight) = legendSize(entries)
        let height = rowHeight * Double(entries.count) + 6
        let (left, right) = (plot.x + 6, plot.maxX - width - 6)
        let (top, bottom) = (plot.y + 6, plot.maxY - height - 6)
        let x: Double, y: Double
        switch placement {
        case .insideTopLeft: (x, y) = (left, top)
        case .insideBottomRight: (x, y) = (right, bottom)
        case .insideBottomLeft: (x, y) = (left, bottom)
        case .outsideRight: (x, y) = (plot.maxX + theme.padding * 2, plot.y)
        case .best:
            let points = marks.flatMap { item -> [Point] in
                switch item {
                case let .markers(positions, _, _, _, _): return positions
                case let .path(elements, _, _):
                    return elements.flatMap { element -> [Point] in
                        switch element {
                        case let .move(p), let .line(p): return [p]
                        case let .rectangle(r):
                            return (0..<25).map { Point(r.x + r.width * Double($0 % 5) / 4, r.y + r.height * Double($0 / 5) / 4) }
                        case let .circle(center, _): return [center]
                        case .close: return []
                        }
                    }
                default: return []
                }
            }
            let corners = [(right, top), (left, top), (right, bottom), (left, bottom)]
            let covered = corners.map { corner in
                points.filter { $0.x >= corner.0 && $0.x <= corner.0 + width && $0.y >= corner.1 && $0.y <= corner.1 + height }.count
            }
            (x, y) = corners[covered.firstIndex(of: covered.min()!)!]
        default: (x, y) = (right, top)
        }
        items.append(.path([.rectangle(Rect(x: x, y: y, width: width, height: height))], fill: Color.white.withAlpha(0.85),
                           stroke: Stroke(color: theme.gridColor, width: 0.8)))
        let font = theme.font(size: theme.legendSize)
        for (row, entry) in entries.enumerated() {
            let middle = y + 3 + rowHeight * (Double(row) + 0.5)
            switch entry.swatch {
            case let .line(dash, marker):
                items.append(.path([.move(Point(x + 5, middle)), .line(Point(x + 21, middle))], fill: nil,
                                   stroke: Stroke(color: entry.color, width: 1.8, dash: dash)))
                if let marker { items.append(.markers([Point(x + 13, middle)], shape: marker, size: 5, fill: entry.color, stroke: nil)) }
            case let .marker(shape):
                items.append(.markers([Point(x + 13, middle)], shape: shape, size: 5, fill: entry.color, stroke: nil))
            case .box:
                items.append(.path([.rectangle(Rect(x: x + 7, y: middle - 4, width: 12, height: 8))], fill: entry.color, stroke: nil))
            }
            addText(entry.label, at: Point(x + 25, middle), font: font, horizontal: .start, vertical: .middle)
        }
    }

    func colorbarSpec(_ mark: Mark) -> ColorbarSpec? {
        guard case let .heatmap(values, _, _, colormap, _, label) = mark else { return nil }
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        return ColorbarSpec(low: finite.min() ?? 0, high: finite.max() ?? 1, colormap: colormap, label: label)
    }

    func colorbarWidth(_ spec: ColorbarSpec) -> Double {
        let font = theme.font(size: theme.tickLabelSize)
        let ticks = ExtendedTicks.ticks(dataMin: spec.low, dataMax: spec.high, targetCount: 5)
        let widest = TickLabels.linear(ticks).map { measurer.measure($0, font: font).width }.max() ?? 0
        let label = spec.label.map { measurer.measure($0, font: theme.font(size: theme.labelSize)).height + theme.padding } ?? 0
        return 12 + 10 + theme.tickLength + 2 + widest + label
    }

    mutating func drawColorbar(_ spec: ColorbarSpec, beside plot: Rect) throws {
        let bar = Rect(x: plot.maxX + 12, y: plot.y, width: 10, height: plot.height)
        let steps = 64
        let rgba = (0..<steps).reversed().flatMap { spec.colormap.color(at: Double($0) / Double(steps - 1)).rgba8 }
        items.append(.image(try RasterImage(pixelWidth: 1, pixelHeight: steps, format: .rgba, pixels: Data(rgba), frame: bar, smooth: true)))
        items.append(.path([.rectangle(bar)], fill: nil, stroke: Stroke(color: theme.axisColor, width: 0.6)))
        let span = spec.high - spec.low > 0 ? spec.high - spec.low : 1
        let ticks = ExtendedTicks.ticks(dataMin: spec.low, dataMax: spec.high, targetCount: 5).filter { $0 >= spec.low && $0 <= spec.high }
        var path: [PathElement] = []
        let font = theme.font(size: theme.tickLabelSize)
        var widest = 0.0
        for (tick, label) in zip(ticks, TickLabels.linear(ticks)) {
            let y = bar.maxY - (tick - spec.low) / span * bar.height
            path += [.move(Point(bar.maxX, y)), .line(Point(bar.maxX + theme.tickLength, y))]
            addText(label, at: Point(bar.maxX + theme.tickLength + 2, y), font: font, color: theme.axisColor, horizontal: .start, vertical: .middle)
            widest = max(widest, measurer.measure(label, font: font).width)
        }
        items.append(.path(path, fill: nil, stroke: Stroke(color: theme.axisColor, width: theme.axisWidth)))
        if let label = spec.label {
            addText(label, at: Point(bar.maxX + theme.tickLength + 2 + widest + theme.padding, bar.y + bar.height / 2),
                    font: theme.font(size: theme.labelSize), horizontal: .middle, vertical: .bottom, rotation: -90)
        }
    }
}

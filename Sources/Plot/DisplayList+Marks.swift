extension DisplayList {
    /// How many marks the list draws: every position of a `markers` item plus every element
    /// of a path (a segment, rectangle or circle), the measure of how large its SVG and how
    /// slow its drawing will be. Text, images and clips do not count.
    public var markCount: Int {
        items.reduce(0) { count, item in
            switch item {
            case let .path(elements, _, _): count + elements.count
            case let .markers(positions, _, _, _, _): count + positions.count
            case .text, .image, .beginClip, .endClip: count
            }
        }
    }
}

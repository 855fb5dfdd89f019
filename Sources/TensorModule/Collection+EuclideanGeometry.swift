/// Euclidean geometry of plain arrays and slices (the rows the attacks and bounds work on as
/// [Double]): sums accumulate left to right, so every caller gets the same bits for the same input.
extension Collection where Element: BinaryFloatingPoint {
    /// <a, b> = sum_i a_i b_i over the common prefix.
    @inlinable
    public func dot(_ other: some Sequence<Element>) -> Element {
        zip(self, other).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// ||a||^2 = sum_i a_i^2.
    @inlinable
    public var squaredNorm: Element { reduce(0) { $0 + $1 * $1 } }

    /// ||a|| = sqrt(sum_i a_i^2).
    @inlinable
    public var euclideanNorm: Element { squaredNorm.squareRoot() }

    /// ||a - b|| = sqrt(sum_i (a_i - b_i)^2) over the common prefix.
    @inlinable
    public func euclideanDistance(to other: some Sequence<Element>) -> Element {
        zip(self, other).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    }
}

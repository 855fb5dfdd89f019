extension Array where Element == Double {
    /// The median of the values: the middle one of the sorted values for an odd count, the
    /// mean of the middle two, (a + b) / 2, for an even count; nan when empty.
    public func median() -> Double {
        guard !isEmpty else { return .nan }
        let sorted = sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}

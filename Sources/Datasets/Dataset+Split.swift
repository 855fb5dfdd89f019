import TensorModule

extension Dataset {
    /// Splits into parts whose sizes follow `fractions` (which sum to 1) within every class,
    /// e.g. `[0.7, 0.2, 0.1]` for Peck et al.'s train/validation/test split or `[0.8, 0.2]`
    /// for Etmann's 4,000 / 1,000.
    ///
    /// Each class's inputs are shuffled by `SeededGenerator(seed:)`; class c with n_c inputs
    /// gives part k floor(n_c f_k) inputs, and the leftover inputs go to the parts with the
    /// largest remainders n_c f_k - floor(n_c f_k) (ties to the earlier part). Each part is
    /// then shuffled, so batches mix classes. The same seed gives the same split everywhere.
    public func stratifiedSplit(fractions: [Double], seed: UInt64) throws -> [Dataset] {
        guard !fractions.isEmpty, fractions.allSatisfy({ $0 > 0 }),
              abs(fractions.reduce(0, +) - 1) < 1e-9 else {
            throw DatasetError.invalidRequest(
                "stratifiedSplit: fractions \(fractions) must be positive and sum to 1")
        }
        var generator = SeededGenerator(seed: seed)
        var parts = [[Int]](repeating: [], count: fractions.count)
        var byClass = [[Int]](repeating: [], count: classNames.count)
        for (index, label) in labels.enumerated() { byClass[label].append(index) }
        for var members in byClass where !members.isEmpty {
            generator.shuffle(&members)
            let ideal = fractions.map { $0 * Double(members.count) }
            var sizes = ideal.map { Int($0.rounded(.down)) }
            let byRemainder = ideal.indices.sorted { a, b in
                let (ra, rb) = (ideal[a] - Double(sizes[a]), ideal[b] - Double(sizes[b]))
                return ra != rb ? ra > rb : a < b
            }
            for part in byRemainder.prefix(members.count - sizes.reduce(0, +)) { sizes[part] += 1 }
            var start = 0
            for (part, size) in sizes.enumerated() {
                parts[part].append(contentsOf: members[start..<(start + size)])
                start += size
            }
        }
        return try parts.enumerated().map { part, indices in
            guard !indices.isEmpty else {
                throw DatasetError.invalidRequest(
                    "stratifiedSplit: part \(part) (fraction \(fractions[part])) of \(name) is empty")
            }
            var shuffled = indices
            generator.shuffle(&shuffled)
            return subset(shuffled, name: "\(name) [part \(part + 1) of \(fractions.count)]")
        }
    }

    /// `count` inputs drawn within every class in proportion to its size: part 1 of
    /// `stratifiedSplit(fractions: [count / n, 1 - count / n], seed:)`; the whole dataset when
    /// `count >= n`.
    public func stratifiedSubset(_ count: Int, seed: UInt64) throws -> Dataset {
        guard count < self.count else { return self }
        let fraction = Double(count) / Double(self.count)
        return try stratifiedSplit(fractions: [fraction, 1 - fraction], seed: seed)[0]
    }
}

/// What one convolutional-network experiment measured on each attacked test image (Peck et
/// al. 2017, Tables 5.1–5.3, Figs. 5.8, 5.10, 5.11). Distances are Frobenius norms in pixel
/// units (0–255).
public struct ConvolutionalNetworkOutcome: Codable, Sendable {
    /// One adversarial example for Fig. 5.8.
    public struct Example: Codable, Sendable {
        public var original: [Double]
        public var adversarial: [Double]
        public var originalClass: Int
        public var newClass: Int
        public var epsilon: Double
    }

    public var testAccuracy: Double
    /// Pixels per image (784), the thesis's normaliser.
    public var pixels: Int
    /// The network's class for each attacked image, before the attack.
    public var predictions: [Int]
    /// Algorithm 5.1 with the theorems as printed, and the sound variant.
    public var thesisBounds: [Double]
    public var soundBounds: [Double]
    /// FGS: the smallest epsilon found (100 where it failed), whether it changed the class,
    /// ||epsilon sign(grad)||_F and the new class.
    public var epsilons: [Double]
    public var succeeded: [Bool]
    public var fgsDistances: [Double]
    public var newClasses: [Int]
    /// DeepFool's ||r||_F on the first images (nil where it failed).
    public var deepFoolDistances: [Double?]
    public var examples: [Example]
    /// Wall-clock seconds `ConvolutionalNetworkRunner.analyse` took (nil in outcomes stored before it was recorded).
    public var analysisSeconds: Double?

    public init(testAccuracy: Double, pixels: Int, predictions: [Int], thesisBounds: [Double], soundBounds: [Double],
                epsilons: [Double], succeeded: [Bool], fgsDistances: [Double], newClasses: [Int],
                deepFoolDistances: [Double?], examples: [Example]) {
        (self.testAccuracy, self.pixels, self.predictions, self.thesisBounds, self.soundBounds) =
            (testAccuracy, pixels, predictions, thesisBounds, soundBounds)
        (self.epsilons, self.succeeded, self.fgsDistances, self.newClasses, self.deepFoolDistances, self.examples) =
            (epsilons, succeeded, fgsDistances, newClasses, deepFoolDistances, examples)
    }

    /// FGS's success rate (the thesis's "Rate").
    public var rate: Double { Double(succeeded.filter { $0 }.count) / Double(max(succeeded.count, 1)) }

    /// The epsilons of the images FGS turned adversarial.
    public var successfulEpsilons: [Double] { zip(epsilons, succeeded).filter(\.1).map(\.0) }

    public var epsilonStatistics: EpsilonStatistics { EpsilonStatistics(of: successfulEpsilons) }

    /// Mean bound over all attacked images divided by the pixel count (Table 5.1).
    public func normalisedBound(_ bounds: [Double]) -> Double {
        bounds.reduce(0, +) / Double(max(bounds.count, 1)) / Double(pixels)
    }

    /// Mean FGS distance over the images it turned adversarial, divided by the pixel count (Table 5.1).
    public var normalisedEmpiricalBound: Double {
        let distances = zip(fgsDistances, succeeded).filter(\.1).map(\.0)
        return distances.reduce(0, +) / Double(max(distances.count, 1)) / Double(pixels)
    }

    /// The smallest perturbation any attack found for image `row`, if one did.
    public func smallestAttack(_ row: Int) -> Double? {
        let fgs = succeeded[row] ? fgsDistances[row] : nil
        let deepFool = row < deepFoolDistances.count ? deepFoolDistances[row] : nil
        return [fgs, deepFool].compactMap { $0 }.min()
    }

    /// ‖FGS perturbation‖_F / bound on each image FGS turned adversarial: how many times the
    /// bound the attack needed (Table 5.1's empirical over theoretical robustness, image by image).
    public func attackToBoundRatios(_ bounds: [Double]) -> [Double] {
        bounds.indices.filter { succeeded[$0] }.map { fgsDistances[$0] / bounds[$0] }
    }

    /// Images where `bounds` exceeds the smallest attack (relative slack 1e-4 for the
    /// single-precision attacks): a violation of a sound bound is a bug.
    public func violations(_ bounds: [Double]) -> [Int] {
        bounds.indices.filter { row in smallestAttack(row).map { bounds[row] > $0 * (1 + 1e-4) } ?? false }
    }

    /// counts[original][new] over the images FGS turned adversarial (Fig. 5.10).
    public func confusion(classes: Int) -> [[Double]] {
        var counts = [[Double]](repeating: [Double](repeating: 0, count: classes), count: classes)
        for row in predictions.indices where succeeded[row] { counts[predictions[row]][newClasses[row]] += 1 }
        return counts
    }
}

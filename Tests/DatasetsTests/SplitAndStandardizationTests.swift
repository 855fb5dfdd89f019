import Datasets
import TensorModule
import Testing

@Suite("Stratified splits and standardisation")
struct SplitAndStandardizationTests {
    @Test("70/20/10 of Iris keeps every class's share and loses nothing")
    func stratifiedIris() throws {
        let iris = try Dataset<Double>.shipped(.iris)
        let parts = try iris.stratifiedSplit(fractions: [0.7, 0.2, 0.1], seed: 7)
        #expect(parts.map(\.classCounts) == [[35, 35, 35], [10, 10, 10], [5, 5, 5]])
        let rows = parts.flatMap { part in
            (0..<part.count).map { Array(part.inputs.scalars[($0 * 4)..<($0 * 4 + 4)]) + [Double(part.labels[$0])] }
        }
        let original = (0..<iris.count).map {
            Array(iris.inputs.scalars[($0 * 4)..<($0 * 4 + 4)]) + [Double(iris.labels[$0])]
        }
        #expect(rows.map { $0.description }.sorted() == original.map { $0.description }.sorted())
    }

    @Test("4,000 / 1,000 of the MNIST subset, 400 / 100 per class, the same for the same seed")
    func stratifiedMNIST() throws {
        let mnist = try Dataset<Float>.shipped(.mnistSubset)
        let first = try mnist.stratifiedSplit(fractions: [0.8, 0.2], seed: 1)
        let again = try mnist.stratifiedSplit(fractions: [0.8, 0.2], seed: 1)
        let other = try mnist.stratifiedSplit(fractions: [0.8, 0.2], seed: 2)
        #expect(first[0].classCounts == Array(repeating: 400, count: 10))
        #expect(first[1].classCounts == Array(repeating: 100, count: 10))
        #expect(first[1].labels == again[1].labels && first[1].inputs.scalars == again[1].inputs.scalars)
        #expect(first[1].labels != other[1].labels)
        #expect(Set(first[0].labels.prefix(20)).count > 1, "parts are shuffled, not sorted by class")
    }

    @Test("a stratified subset of 30 Iris flowers has 10 per class and is the first part of the matching split; asking for all returns all")
    func stratifiedSubset() throws {
        let iris = try Dataset<Double>.shipped(.iris)
        let subset = try iris.stratifiedSubset(30, seed: 4)
        #expect(subset.classCounts == [10, 10, 10])
        let split = try iris.stratifiedSplit(fractions: [0.2, 0.8], seed: 4)[0]
        #expect(subset.labels == split.labels && subset.inputs.scalars == split.inputs.scalars)
        #expect(try iris.stratifiedSubset(iris.count, seed: 4).inputs.scalars == iris.inputs.scalars)
        #expect(try iris.stratifiedSubset(10_000, seed: 4).count == iris.count)
    }

    @Test("uneven classes: remainders go to the largest fractional parts")
    func remainders() throws {
        let data = try Dataset<Double>(
            name: "toy", inputs: Tensor(shape: [7, 1], scalars: (0..<7).map(Double.init)),
            labels: [0, 0, 0, 0, 0, 1, 1], classNames: ["a", "b"])
        let parts = try data.stratifiedSplit(fractions: [0.7, 0.3], seed: 3)
        #expect(parts.map(\.classCounts) == [[4, 1], [1, 1]])
    }

    @Test("bad fractions are refused", arguments: [[0.5, 0.4], [1.2, -0.2], []])
    func badFractions(_ fractions: [Double]) throws {
        let iris = try Dataset<Double>.shipped(.iris)
        #expect(throws: DatasetError.self) { try iris.stratifiedSplit(fractions: fractions, seed: 0) }
    }

    @Test("standardisation fitted on training data gives mean 0 and std 1 there")
    func standardization() throws {
        let wine = try Dataset<Double>.shipped(.wine)
        let scaler = Standardization(fitting: wine.inputs)
        let scaled = scaler.apply(to: wine.inputs)
        for feature in 0..<13 {
            let column = stride(from: feature, to: scaled.count, by: 13).map { scaled.scalars[$0] }
            let mean = column.reduce(0, +) / Double(column.count)
            let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(column.count)
            #expect(abs(mean) < 1e-9)
            #expect(abs(variance - 1) < 1e-9)
        }
    }

    @Test("a constant feature keeps scale 1 instead of dividing by zero")
    func constantFeature() {
        let inputs = Tensor<Double>(shape: [3, 2], scalars: [1, 5, 2, 5, 3, 5])
        let scaler = Standardization(fitting: inputs)
        #expect(scaler.standardDeviation[1] == 1)
        #expect(scaler.apply(to: inputs).scalars[1] == 0)
    }
}

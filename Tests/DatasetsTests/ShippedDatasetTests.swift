import Datasets
import Testing

/// What each shipped file must hold: counts per class, shapes and value ranges.
struct ShippedExpectation: Sendable, CustomTestStringConvertible {
    let dataset: ShippedDataset
    let sampleShape: [Int]
    let classCounts: [Int]
    var testDescription: String { dataset.rawValue }
}

@Suite("Shipped datasets")
struct ShippedDatasetTests {
    static let expectations: [ShippedExpectation] = [
        .init(dataset: .mnistSubset, sampleShape: [1, 28, 28], classCounts: Array(repeating: 500, count: 10)),
        .init(dataset: .iris, sampleShape: [4], classCounts: [50, 50, 50]),
        .init(dataset: .wine, sampleShape: [13], classCounts: [59, 71, 48]),
        .init(dataset: .breastCancer, sampleShape: [30], classCounts: [212, 357]),
        .init(dataset: .digits, sampleShape: [1, 8, 8],
              classCounts: [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]),
    ]

    @Test("counts per class and shapes", arguments: expectations)
    func countsAndShapes(_ expected: ShippedExpectation) throws {
        let data = try Dataset<Float>.shipped(expected.dataset)
        #expect(data.sampleShape == expected.sampleShape)
        #expect(data.classCounts == expected.classCounts)
        #expect(data.inputs.shape == [expected.classCounts.reduce(0, +)] + expected.sampleShape)
        #expect(data.inputs.scalars.allSatisfy { $0.isFinite })
    }

    @Test("image pixels span the asked range", arguments: [ShippedDataset.mnistSubset, .digits])
    func pixelRanges(_ dataset: ShippedDataset) throws {
        let unit = try Dataset<Double>.shipped(dataset, scale: .unit)
        let byte = try Dataset<Double>.shipped(dataset, scale: .byte)
        #expect(unit.inputs.scalars.min() == 0 && unit.inputs.scalars.max() == 1)
        #expect(byte.inputs.scalars.min() == 0 && byte.inputs.scalars.max() == 255)
        #expect(unit.labels == byte.labels)
    }

    @Test("the first Iris record is Fisher's first flower")
    func irisFirstRecord() throws {
        let iris = try Dataset<Double>.shipped(.iris)
        #expect(Array(iris.inputs.scalars[0..<4]) == [5.1, 3.5, 1.4, 0.2])
        #expect(iris.labels[0] == 0)
        #expect(iris.classNames == ["setosa", "versicolor", "virginica"])
    }
}

@Suite("Fashion-MNIST (installed by make data)")
struct FashionMNISTTests {
    @Test("test split: 10,000 images, 1,000 per class, pixels in [0, 1]")
    func testSplit() throws {
        let test = try Dataset<Float>.fashionMNIST(split: .test)
        #expect(test.inputs.shape == [10_000, 1, 28, 28])
        #expect(test.classCounts == Array(repeating: 1_000, count: 10))
        #expect(test.inputs.scalars.min() == 0 && test.inputs.scalars.max() == 1)
        #expect(test.classNames[9] == "Ankle boot")
    }

    @Test("training split: 60,000 images, 6,000 per class")
    func trainSplit() throws {
        let train = try Dataset<Float>.fashionMNIST(split: .train, scale: .byte)
        #expect(train.inputs.shape == [60_000, 1, 28, 28])
        #expect(train.classCounts == Array(repeating: 6_000, count: 10))
        #expect(train.inputs.scalars.max() == 255)
    }
}

import Foundation
import Testing
@testable import Datasets

@Suite("IDX, gzip and CIFAR-10 binary files")
struct BinaryFormatTests {
    @Test("a truncated IDX file says how many bytes the header promised")
    func truncatedIDX() throws {
        let bytes = idxBytes(dimensions: [10, 28, 28], payload: [UInt8](repeating: 7, count: 5_000))
        do {
            _ = try IDXFile(parsing: bytes, path: "images.idx")
            Issue.record("expected truncated")
        } catch let DatasetError.truncated(path, expected, actual) {
            #expect(path == "images.idx" && expected == 16 + 7_840 && actual == 16 + 5_000)
        }
    }

    @Test("an IDX header with a foreign magic or type is refused", arguments: [
        [UInt8]([1, 0, 8, 1, 0, 0, 0, 0]), [0, 0, 0x0D, 1, 0, 0, 0, 0], [0, 0],
    ])
    func badIDXHeader(_ bytes: [UInt8]) {
        #expect(throws: DatasetError.self) { try IDXFile(parsing: bytes, path: "x.idx") }
    }

    @Test("a cut gzip stream is a decompression error, not a short dataset")
    func truncatedGzip() throws {
        let url = DataLocation.fashionMNISTDirectory().appendingPathComponent("t10k-labels-idx1-ubyte.gz")
        let compressed = [UInt8](try Data(contentsOf: url))
        #expect(try GzipFile.inflateIfCompressed(compressed, path: url.path).count == 8 + 10_000)
        do {
            _ = try GzipFile.inflateIfCompressed(Array(compressed.prefix(compressed.count / 2)), path: url.path)
            Issue.record("expected decompressionFailed")
        } catch let DatasetError.decompressionFailed(path, _) {
            #expect(path == url.path)
        }
    }

    @Test("full MNIST reads raw IDX files from a folder, labels checked")
    func mnistFromFolder() throws {
        let folder = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for prefix in ["train", "t10k"] {
            try Data(idxBytes(dimensions: [3, 2, 2], payload: [0, 255, 0, 0, 1, 2, 3, 4, 9, 9, 9, 9]))
                .write(to: folder.appendingPathComponent("\(prefix)-images-idx3-ubyte"))
            try Data(idxBytes(dimensions: [3], payload: prefix == "train" ? [1, 9, 0] : [1, 12, 0]))
                .write(to: folder.appendingPathComponent("\(prefix)-labels-idx1-ubyte"))
        }
        let train = try Dataset<Float>.mnist(split: .train, directory: folder)
        #expect(train.inputs.shape == [3, 1, 2, 2] && train.labels == [1, 9, 0])
        #expect(train.inputs.scalars[1] == 1)
        do {
            _ = try Dataset<Float>.mnist(split: .test, directory: folder)
            Issue.record("expected labelOutOfRange")
        } catch let DatasetError.labelOutOfRange(_, record, label, _) {
            #expect(record == 1 && label == 12)
        }
    }

    @Test("CIFAR-10 binary batches become [N, 3, 32, 32]; a cut record is reported")
    func cifar10() throws {
        let folder = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var record = [UInt8](repeating: 0, count: 3_073)
        record[0] = 6
        record[1] = 255
        record[1 + 1_024] = 51
        try Data(record + record).write(to: folder.appendingPathComponent("test_batch.bin"))
        let test = try Dataset<Double>.cifar10(split: .test, directory: folder)
        #expect(test.inputs.shape == [2, 3, 32, 32] && test.labels == [6, 6])
        #expect(test.inputs.scalars[0] == 1 && test.inputs.scalars[1_024] == 0.2)
        #expect(test.classNames[6] == "frog")
        try Data(record + record.prefix(100)).write(to: folder.appendingPathComponent("test_batch.bin"))
        #expect(throws: DatasetError.self) { try Dataset<Double>.cifar10(split: .test, directory: folder) }
    }

    @Test("a dataset that is not shipped says where to put it")
    func notShipped() throws {
        do {
            _ = try Dataset<Float>.spambase(file: URL(fileURLWithPath: "/nonexistent/spambase.data"))
            Issue.record("expected fileNotFound")
        } catch let error as DatasetError {
            #expect(error.description.contains("/nonexistent/spambase.data"))
            #expect(error.description.contains("not shipped"))
        }
    }
}

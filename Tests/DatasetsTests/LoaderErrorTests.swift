import Checksums
import Foundation
import Testing
import Datasets

/// A fresh folder under the system's temporary directory, removed by the caller.
func makeScratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("margin-datasets-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// An IDX file of unsigned bytes with the given extents and payload.
func idxBytes(dimensions: [Int], payload: [UInt8]) -> [UInt8] {
    var bytes: [UInt8] = [0, 0, 0x08, UInt8(dimensions.count)]
    for extent in dimensions {
        bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: extent >> $0) }
    }
    return bytes + payload
}

@Suite("Loader errors say which file, which record, what was expected")
struct LoaderErrorTests {
    let irisText = "3,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n6.3,3.3,6.0,2.5,2\n"

    func loadIris(replacing line: String?, with newLine: String) throws -> Dataset<Double> {
        let folder = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = irisText
        if let line { text = text.replacingOccurrences(of: line, with: newLine) }
        try Data(text.utf8).write(to: folder.appendingPathComponent("iris.csv"))
        return try Dataset<Double>.shipped(.iris, dataDirectory: folder)
    }

    @Test("a well-formed small file loads")
    func wellFormed() throws {
        let iris = try loadIris(replacing: nil, with: "")
        #expect(iris.classCounts == [1, 1, 1])
    }

    @Test("a row of the wrong width names the line and both widths")
    func wrongWidth() throws {
        do {
            _ = try loadIris(replacing: "7.0,3.2,4.7,1.4,1", with: "7.0,3.2,4.7,1")
            Issue.record("expected wrongWidth")
        } catch let DatasetError.wrongWidth(path, line, expected, actual) {
            #expect(path.hasSuffix("iris.csv") && line == 3 && expected == 5 && actual == 4)
        }
    }

    @Test("a label outside the classes names the record and the label")
    func labelOutOfRange() throws {
        do {
            _ = try loadIris(replacing: "6.3,3.3,6.0,2.5,2", with: "6.3,3.3,6.0,2.5,3")
            Issue.record("expected labelOutOfRange")
        } catch let DatasetError.labelOutOfRange(path, record, label, classCount) {
            #expect(path.hasSuffix("iris.csv") && record == 2 && label == 3 && classCount == 3)
        }
    }

    @Test("a field that is not a number names line and column")
    func notANumber() throws {
        do {
            _ = try loadIris(replacing: "3.2,4.7", with: "3.2,abc")
            Issue.record("expected notANumber")
        } catch let DatasetError.notANumber(_, line, column, text) {
            #expect(line == 3 && column == 3 && text == "abc")
        }
    }

    @Test("fewer records than the header promises")
    func missingRecords() throws {
        do {
            _ = try loadIris(replacing: "6.3,3.3,6.0,2.5,2\n", with: "")
            Issue.record("expected wrongRecordCount")
        } catch let DatasetError.wrongRecordCount(_, expected, actual) {
            #expect(expected == 3 && actual == 2)
        }
    }

    @Test("a missing shipped file names the path and how to restore it")
    func missingFile() throws {
        let folder = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try Dataset<Float>.shipped(.wine, dataDirectory: folder)
            Issue.record("expected fileNotFound")
        } catch let error as DatasetError {
            #expect(error.description.contains(folder.appendingPathComponent("wine_data.csv").path))
            #expect(error.description.contains("git checkout -- data/"))
        }
    }

    @Test("a changed byte fails the checksum, naming both digests")
    func checksumMismatch() throws {
        let folder = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try Data(contentsOf: DataLocation.shippedDirectory().appendingPathComponent("iris.csv"))
        var changed = [UInt8](original)
        changed[40] ^= 1
        try Data(changed).write(to: folder.appendingPathComponent("iris.csv"))
        let expected = SHA256.hex(of: original)
        try Data("\(expected)  iris.csv\n".utf8).write(to: folder.appendingPathComponent("CHECKSUMS"))
        do {
            _ = try Dataset<Double>.shipped(.iris, dataDirectory: folder)
            Issue.record("expected checksumMismatch")
        } catch let DatasetError.checksumMismatch(path, expectedDigest, actual) {
            #expect(path.hasSuffix("iris.csv") && expectedDigest == expected && actual != expected)
        }
    }

    @Test("the shipped files match data/CHECKSUMS", arguments: ShippedDataset.allCases)
    func shippedChecksums(_ dataset: ShippedDataset) throws {
        let directory = DataLocation.shippedDirectory()
        let list = try ChecksumList(dataDirectory: directory)
        let url = directory.appendingPathComponent(dataset.fileName)
        let digest = try #require(list.digests[url.standardizedFileURL.path])
        #expect(SHA256.hex(of: try Data(contentsOf: url)) == digest)
    }
}

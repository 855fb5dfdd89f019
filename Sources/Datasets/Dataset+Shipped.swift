import Foundation
import TensorModule

extension Dataset {
    /// Loads a dataset shipped in `data/`, verified against data/CHECKSUMS.
    ///
    /// Images come as `[N, 1, H, W]` scaled by `scale`; tables as `[N, D]` unscaled.
    /// - Parameters:
    ///   - which: the dataset.
    ///   - scale: pixel range for image datasets (default `.unit`, [0, 1]).
    ///   - dataDirectory: the folder holding the files (default `DataLocation.shippedDirectory()`).
    public static func shipped(
        _ which: ShippedDataset, scale: PixelScale = .unit, dataDirectory: URL? = nil
    ) throws -> Dataset {
        let directory = dataDirectory ?? DataLocation.shippedDirectory()
        let url = directory.appendingPathComponent(which.fileName)
        let bytes = try DataFile.bytes(
            at: url, remedy: "It ships with Margin in data/; restore it with `git checkout -- data/`.",
            checksums: ChecksumList(dataDirectory: directory))
        if let layout = which.imageLayout {
            let csv = try NumericCSV(parsing: bytes, path: url.path)
            return try fromLabelledRows(
                csv, path: url.path, name: which.title, sampleShape: layout.shape,
                factor: scale.factor(forMaximum: layout.maximum),
                classNames: (0..<10).map(String.init))
        }
        let header = NumericCSV.firstLineFields(of: bytes)
        guard header.count >= 3, let records = Int(header[0]), let features = Int(header[1]) else {
            throw DatasetError.badHeader(
                path: url.path,
                detail: "the first line should be '<records>,<features>,<class names...>', found \(header)")
        }
        let csv = try NumericCSV(parsing: bytes, path: url.path, headerLines: 1)
        guard csv.rows.count == records else {
            throw DatasetError.wrongRecordCount(path: url.path, expected: records, actual: csv.rows.count)
        }
        return try fromLabelledRows(
            csv, path: url.path, name: which.title, sampleShape: [features], factor: 1,
            classNames: Array(header[2...]))
    }

    /// Loads UCI Spambase (`spambase.data`: 57 features then the label 0/1, no header) from
    /// `file`, or `$MARGIN_DATA/spambase/spambase.data`. Not shipped: Margin uses Breast
    /// Cancer Wisconsin in its place.
    public static func spambase(file: URL? = nil) throws -> Dataset {
        let url = try file ?? DataLocation.userDirectory(nil, subfolder: "spambase", dataset: "Spambase")
            .appendingPathComponent("spambase.data")
        let bytes = try DataFile.bytes(
            at: url, remedy: "Spambase is not shipped; download spambase.data from the UCI repository.")
        return try fromLabelledRows(
            NumericCSV(parsing: bytes, path: url.path), path: url.path, name: "Spambase",
            sampleShape: [57], factor: 1, classNames: ["not spam", "spam"])
    }
}

import Foundation
import TensorModule

extension Dataset {
    /// Full Fashion-MNIST (Xiao, Rasul & Vollgraf 2017) from Debian's `dataset-fashion-mnist`:
    /// 60,000 training or 10,000 test images `[N, 1, 28, 28]`, verified against data/CHECKSUMS.
    /// - Parameters:
    ///   - split: `.train` or `.test`.
    ///   - scale: pixel range (default `.unit`).
    ///   - directory: default `DataLocation.fashionMNISTDirectory()`.
    public static func fashionMNIST(
        split: DatasetSplit, scale: PixelScale = .unit, directory: URL? = nil
    ) throws -> Dataset {
        try idxPair(
            directory: directory ?? DataLocation.fashionMNISTDirectory(), split: split, scale: scale,
            name: "Fashion-MNIST \(split.rawValue)",
            classNames: ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                         "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
            remedy: "Run `make data` (installs Debian's dataset-fashion-mnist).")
    }

    /// Full MNIST from its four IDX files (`train-images-idx3-ubyte[.gz]`, ...) in `directory`
    /// or `$MARGIN_DATA/mnist`. Not shipped: Margin ships a 5,000-image subset instead.
    public static func mnist(
        split: DatasetSplit, scale: PixelScale = .unit, directory: URL? = nil
    ) throws -> Dataset {
        try idxPair(
            directory: DataLocation.userDirectory(directory, subfolder: "mnist", dataset: "Full MNIST"),
            split: split, scale: scale, name: "MNIST \(split.rawValue)",
            classNames: (0..<10).map(String.init),
            remedy: "Full MNIST is not shipped; put its four IDX files there, "
                + "or use Dataset.shipped(.mnistSubset).")
    }

    /// Reads `<prefix>-images-idx3-ubyte` and `<prefix>-labels-idx1-ubyte` (each optionally
    /// `.gz`), prefix `train` or `t10k`, and pairs them.
    static func idxPair(
        directory: URL, split: DatasetSplit, scale: PixelScale, name: String,
        classNames: [String], remedy: String
    ) throws -> Dataset {
        let prefix = split == .train ? "train" : "t10k"
        func locate(_ base: String) -> URL {
            let plain = directory.appendingPathComponent(base)
            let gzip = directory.appendingPathComponent(base + ".gz")
            return FileManager.default.fileExists(atPath: plain.path) ? plain : gzip
        }
        let imageURL = locate("\(prefix)-images-idx3-ubyte")
        let labelURL = locate("\(prefix)-labels-idx1-ubyte")
        let images = try IDXFile(parsing: DataFile.bytes(at: imageURL, remedy: remedy), path: imageURL.path)
        let labels = try IDXFile(parsing: DataFile.bytes(at: labelURL, remedy: remedy), path: labelURL.path)
        guard images.dimensions.count == 3 else {
            throw DatasetError.badHeader(
                path: imageURL.path, detail: "images need 3 dimensions [N, H, W], found \(images.dimensions)")
        }
        guard labels.dimensions.count == 1, labels.dimensions[0] == images.dimensions[0] else {
            throw DatasetError.wrongRecordCount(
                path: labelURL.path, expected: images.dimensions[0], actual: labels.dimensions.first ?? 0)
        }
        if let record = labels.bytes.firstIndex(where: { Int($0) >= classNames.count }) {
            throw DatasetError.labelOutOfRange(
                path: labelURL.path, record: record, label: Int(labels.bytes[record]), classCount: classNames.count)
        }
        let factor = Scalar(scale.factor(forMaximum: 255))
        return Dataset(
            validatedName: name,
            inputs: Tensor(shape: [images.dimensions[0], 1, images.dimensions[1], images.dimensions[2]],
                           scalars: images.bytes.map { Scalar($0) * factor }),
            labels: labels.bytes.map(Int.init), classNames: classNames)
    }
}

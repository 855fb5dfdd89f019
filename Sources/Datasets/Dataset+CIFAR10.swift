import Foundation
import TensorModule

extension Dataset {
    /// CIFAR-10 (Krizhevsky 2009), binary version: each record is one label byte then
    /// 3,072 pixel bytes (1,024 red, 1,024 green, 1,024 blue, row-major 32x32), so images
    /// come as `[N, 3, 32, 32]`. Training reads `data_batch_1.bin` ... `data_batch_5.bin`,
    /// test reads `test_batch.bin`, from `directory` or `$MARGIN_DATA/cifar-10`. Not shipped.
    public static func cifar10(
        split: DatasetSplit, scale: PixelScale = .unit, directory: URL? = nil
    ) throws -> Dataset {
        let folder = try DataLocation.userDirectory(directory, subfolder: "cifar-10", dataset: "CIFAR-10")
        let files = split == .train ? (1...5).map { "data_batch_\($0).bin" } : ["test_batch.bin"]
        let recordSize = 1 + 3 * 32 * 32
        let factor = Scalar(scale.factor(forMaximum: 255))
        var scalars: [Scalar] = []
        var labels: [Int] = []
        for file in files {
            let url = folder.appendingPathComponent(file)
            let bytes = try DataFile.bytes(
                at: url, remedy: "CIFAR-10 is not shipped; unpack the binary version (cifar-10-binary.tar.gz) there.")
            guard bytes.count % recordSize == 0 else {
                throw DatasetError.truncated(
                    path: url.path, expectedBytes: (bytes.count / recordSize + 1) * recordSize,
                    actualBytes: bytes.count)
            }
            for record in 0..<(bytes.count / recordSize) {
                let start = record * recordSize
                guard bytes[start] < 10 else {
                    throw DatasetError.labelOutOfRange(
                        path: url.path, record: record, label: Int(bytes[start]), classCount: 10)
                }
                labels.append(Int(bytes[start]))
                scalars.append(contentsOf: bytes[(start + 1)..<(start + recordSize)].map { Scalar($0) * factor })
            }
        }
        return Dataset(
            validatedName: "CIFAR-10 \(split.rawValue)",
            inputs: Tensor(shape: [labels.count, 3, 32, 32], scalars: scalars), labels: labels,
            classNames: ["airplane", "automobile", "bird", "cat", "deer",
                         "dog", "frog", "horse", "ship", "truck"])
    }
}

import TensorModule

extension Dataset {
    /// A dataset from CSV records whose last field is the class label and whose other fields
    /// are the input, multiplied by `factor` and reshaped to `sampleShape`.
    static func fromLabelledRows(
        _ csv: NumericCSV, path: String, name: String, sampleShape: [Int],
        factor: Double, classNames: [String]
    ) throws -> Dataset {
        let featureCount = sampleShape.reduce(1, *)
        guard csv.width == featureCount + 1 else {
            throw DatasetError.wrongWidth(path: path, line: 1, expected: featureCount + 1, actual: csv.width)
        }
        var scalars: [Scalar] = []
        scalars.reserveCapacity(csv.rows.count * featureCount)
        var labels: [Int] = []
        labels.reserveCapacity(csv.rows.count)
        for (record, row) in csv.rows.enumerated() {
            let label = row[featureCount]
            guard label == label.rounded(), label >= 0, Int(label) < classNames.count else {
                throw DatasetError.labelOutOfRange(
                    path: path, record: record, label: Int(label.rounded(.down)), classCount: classNames.count)
            }
            labels.append(Int(label))
            for value in row[0..<featureCount] { scalars.append(Scalar(value * factor)) }
        }
        return Dataset(validatedName: name,
                       inputs: Tensor(shape: [labels.count] + sampleShape, scalars: scalars),
                       labels: labels, classNames: classNames)
    }
}

import NotebookWire
import NotebookRuntime
import Testing

@Suite("Tables")
struct TableTests {
    @Test(arguments: [
        (Table.NumberFormat.automatic, 3.0, "3"),
        (.automatic, 0.123456, "0.1235"),
        (.fixed(2), 0.125, "0.12"),
        (.percent(1), 0.9123, "91.2%"),
        (.scientific(2), 0.000123, "1.23e-04"),
        (.fixed(1), .infinity, "∞"),
    ])
    func numberFormats(format: Table.NumberFormat, value: Double, text: String) {
        #expect(format.format(value) == text)
    }

    @Test func paperAndMarginColumnsShareAGroup() {
        var table = Table(caption: "Accuracy", columns: ["Attack"] + Table.Column.paperAndMargin("ε = 0.1", format: .percent(1)),
                          notes: ["Margin: 3 epochs."])
        table.append(["FGSM", 0.912, .number(0.905)])
        table.append(["PGD", nil, 0.5])
        let record = table.record
        #expect(record.rows == [["FGSM", "91.2%", "90.5%"], ["PGD", "—", "50.0%"]])
        #expect(record.columns.map(\.alignment) == [.left, .right, .right])
        #expect(record.columnGroups.map(\.title) == [nil, "ε = 0.1"])
        #expect(record.columnGroups.map(\.span) == [1, 2])
        #expect(record.notes == ["Margin: 3 epochs."])
    }
}

import Foundation
import NeuralNetworks
import TensorModule
import Testing

@Suite("safetensors checkpoints")
struct SafetensorsTests {
    func sample() -> SafetensorsFile {
        var file = SafetensorsFile(metadata: ["margin.model_spec": #"{"name":"toy"}"#])
        file.set(Tensor<Float>(shape: [2, 3], scalars: [1, -2.5, .pi, .leastNonzeroMagnitude, -0.0, 7]), named: "dense0.weight")
        file.set(Tensor<Double>(shape: [3], scalars: [0.1, 1e-300, -3]), named: "dense0.bias")
        return file
    }

    @Test("round trip is bit-exact, header 8-byte aligned")
    func roundTrip() throws {
        let bytes = try sample().serialized()
        let headerLength = (0..<8).reduce(0) { $0 | Int(bytes[$1]) << (8 * $1) }
        #expect(headerLength % 8 == 0)
        let read = try SafetensorsFile(parsing: bytes, path: "toy.safetensors")
        #expect(read == sample())
        let weight = try read.tensor(named: "dense0.weight", as: Float.self)
        #expect(weight.scalars.map(\.bitPattern) == sample().entries["dense0.weight"].map {
            $0.bytes.withUnsafeBytes { Array($0.bindMemory(to: UInt32.self)) } } ?? [])
        #expect(try read.tensor(named: "dense0.bias", as: Double.self).scalars == [0.1, 1e-300, -3])
        #expect(read.metadata["margin.model_spec"] == #"{"name":"toy"}"#)
    }

    @Test("a file cut anywhere is refused with the byte counts", arguments: [4, 20, -1])
    func truncated(_ cut: Int) throws {
        let bytes = try sample().serialized()
        let kept = cut < 0 ? bytes.count + cut : cut
        #expect(throws: SafetensorsError.self) {
            try SafetensorsFile(parsing: Array(bytes.prefix(kept)), path: "cut.safetensors")
        }
    }

    @Test("missing tensors and wrong dtypes name the tensor")
    func mismatches() throws {
        let file = sample()
        #expect(throws: SafetensorsError.missingTensor(path: "m.st", name: "dense1.weight")) {
            try file.tensor(named: "dense1.weight", as: Float.self, path: "m.st")
        }
        #expect(throws: SafetensorsError.dtypeMismatch(path: "m.st", name: "dense0.bias", expected: "F32", actual: "F64")) {
            try file.tensor(named: "dense0.bias", as: Float.self, path: "m.st")
        }
    }

    /// A file with the given JSON header (padding added) followed by `dataBytes` zero bytes.
    static func file(header: String, dataBytes: Int) -> [UInt8] {
        var json = Array(header.utf8)
        while json.count % 8 != 0 { json.append(UInt8(ascii: " ")) }
        return (0..<8).map { UInt8(truncatingIfNeeded: json.count >> (8 * $0)) } + json + [UInt8](repeating: 0, count: dataBytes)
    }

    /// A corrupt file and the words its error must contain.
    struct CorruptCase: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let bytes: [UInt8]
        let message: String

        init(_ description: String, bytes: [UInt8], _ message: String) {
            (testDescription, self.bytes, self.message) = (description, bytes, message)
        }

        /// A file whose header lists `tensors` as (name, dtype, shape, data_offsets), then `data` zero bytes.
        init(_ description: String, tensors: [(String, String, [Int], [Int])], data: Int, _ message: String) {
            let entries = tensors.map { #""\#($0.0)":{"dtype":"\#($0.1)","shape":\#($0.2),"data_offsets":\#($0.3)}"# }
            self.init(description, bytes: SafetensorsTests.file(header: "{" + entries.joined(separator: ",") + "}", dataBytes: data),
                      message)
        }
    }

    static let corruptCases: [CorruptCase] = [
        .init("offsets disagree with the shape", tensors: [("w", "F32", [2, 2], [0, 12])], data: 12,
              #"tensor "w" of shape [2, 2] and dtype F32 needs 16 bytes, its offsets span 12"#),
        .init("a header length with the top bit set", bytes: [0, 0, 0, 0, 0, 0, 0, 0x80] + Array("{}      ".utf8),
              "declare a 9223372036854775808-byte header"),
        .init("a header that is not JSON", bytes: file(header: "not json", dataBytes: 0), "is not a JSON object"),
        .init("negative offsets", tensors: [("w", "F32", [1], [-4, 0])], data: 4,
              #"tensor "w" has shape [1] and data_offsets [-4, 0]; both must be non-negative"#),
        .init("a negative extent", tensors: [("w", "F32", [-1, -1], [0, 4])], data: 4, "must be non-negative"),
        .init("an extent product that overflows", tensors: [("w", "F64", [1 << 62, 4], [0, 8])], data: 8,
              "needs more than Int.max bytes"),
        .init("an unknown dtype", tensors: [("w", "F128", [1], [0, 16])], data: 16, "dtype F128, which is not a safetensors dtype"),
        .init("a hole between tensors", tensors: [("a", "F32", [1], [0, 4]), ("b", "F32", [1], [8, 12])], data: 12,
              #"tensor "b" starts at data byte 8, expected 4"#),
        .init("overlapping tensors", tensors: [("a", "F32", [2], [0, 8]), ("b", "F32", [1], [4, 8])], data: 8,
              "leave a hole or overlap"),
        .init("bytes after the last tensor", tensors: [("a", "F32", [1], [0, 4])], data: 9, "5 bytes follow the last tensor's data"),
        .init("data cut short", tensors: [("a", "F64", [2], [0, 16])], data: 10, "truncated safetensors file: needs 80 bytes, has 74"),
        .init("metadata that is not strings", bytes: file(header: #"{"__metadata__":{"epochs":3}}"#, dataBytes: 0),
              "__metadata__ must map strings to strings"),
    ]

    @Test("a corrupt file is refused with an error naming the file and what is wrong", arguments: corruptCases)
    func corrupt(_ corruptCase: CorruptCase) {
        #expect {
            try SafetensorsFile(parsing: corruptCase.bytes, path: "corrupt.safetensors")
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix("corrupt.safetensors: ") && text.contains(corruptCase.message)
        }
    }

    @Test("any single corrupted byte is parsed or refused, never a crash")
    func everyByteCorrupted() throws {
        let bytes = try sample().serialized()
        var refused = 0
        for position in bytes.indices {
            for replacement: UInt8 in [0x00, 0x22, 0x7D, 0xFF] where bytes[position] != replacement {
                var corrupted = bytes
                corrupted[position] = replacement
                do {
                    _ = try SafetensorsFile(parsing: corrupted, path: "fuzz.safetensors")
                } catch {
                    refused += 1
                }
            }
        }
        #expect(refused > 0)
    }

    @Test("tensors of other dtypes are kept, and converting one names its dtype")
    func otherDtypes() throws {
        let bytes = Self.file(header: #"{"step":{"dtype":"I64","shape":[],"data_offsets":[0,8]}}"#, dataBytes: 8)
        let file = try SafetensorsFile(parsing: bytes, path: "counter.safetensors")
        #expect(file.entries["step"]?.dtype == "I64" && file.entries["step"]?.shape == [])
        #expect(throws: SafetensorsError.dtypeMismatch(path: "counter.safetensors", name: "step", expected: "F64", actual: "I64")) {
            try file.tensor(named: "step", as: Double.self, path: "counter.safetensors")
        }
    }
}

@Suite("safetensors interoperability")
struct SafetensorsInteropTests {
    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }

    @Test("a file written by Python's safetensors.numpy reads back exactly")
    func readsPythonFile() throws {
        let file = try SafetensorsFile(contentsOf: Self.fixture("written-by-python.safetensors"))
        #expect(file.metadata == ["origin": "safetensors.numpy"])
        #expect(try file.tensor(named: "layer.weight", as: Float.self).scalars == (0..<6).map { Float($0) / 7 })
        #expect(try file.tensor(named: "layer.bias", as: Double.self).scalars == [1e-300, -2])
    }

    @Test("a PyTorch-style state dict (int64 counter included) loads as a model that computes numpy's logits")
    func loadsPythonModel() throws {
        let url = Self.fixture("pytorch-style-checkpoint.safetensors")
        let model = try Sequential<Float>(contentsOf: url)
        #expect(model.spec.layers == [.dense(units: 5), .batchNorm(), .activation(.relu), .dense(units: 3)])
        let file = try SafetensorsFile(contentsOf: url)
        let logits = model.predict(try file.tensor(named: "check.inputs", as: Float.self))
        let expected = try file.tensor(named: "check.logits", as: Float.self)
        #expect(logits.shape == expected.shape)
        #expect(zip(logits.scalars, expected.scalars).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) })
    }
}

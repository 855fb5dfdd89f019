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

    @Test("a header whose offsets disagree with the shape is refused")
    func inconsistentHeader() throws {
        let header = #"{"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,12]}}"#
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: header.utf8.count >> (8 * $0)) }
        bytes += Array(header.utf8) + [UInt8](repeating: 0, count: 16)
        #expect {
            try SafetensorsFile(parsing: bytes, path: "bad.safetensors")
        } throws: { error in
            String(describing: error).contains("needs 16 bytes, its offsets span 12")
        }
    }
}

@Suite("safetensors interoperability")
struct SafetensorsInteropTests {
    @Test("a file written by Python's safetensors.numpy reads back exactly")
    func readsPythonFile() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/written-by-python.safetensors")
        let file = try SafetensorsFile(contentsOf: url)
        #expect(file.metadata == ["origin": "safetensors.numpy"])
        #expect(try file.tensor(named: "layer.weight", as: Float.self).scalars == (0..<6).map { Float($0) / 7 })
        #expect(try file.tensor(named: "layer.bias", as: Double.self).scalars == [1e-300, -2])
    }
}

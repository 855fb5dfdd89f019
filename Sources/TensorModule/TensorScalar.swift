/// The element types a `Tensor` can hold: `Float` and `Double`, the two precisions BLAS serves.
public protocol TensorScalar: BinaryFloatingPoint, Codable, Sendable
where Self.RawSignificand: FixedWidthInteger {}

extension Float: TensorScalar {}
extension Double: TensorScalar {}

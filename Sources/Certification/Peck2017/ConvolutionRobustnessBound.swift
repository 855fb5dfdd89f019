import NeuralNetworks
import TensorModule

/// A convolutional layer's step of Algorithm 5.1 (Peck et al. 2017, Thm 5.1):
///
///     thesis:  ||R||_F >= kappa / ||W||_F,
///     sound:   ||R||_F >= kappa / (omega ||W||_F),  omega = ceil(q / s).
///
/// Thm 5.1 rests on Lemma A.4, ||W * R||_F <= ||W||_F ||R||_F, whose proof writes the square
/// of each output's sum as a sum of squares. Cauchy–Schwarz on each output instead gives
/// ||W * R||_F^2 <= ||W||_F^2 sum over windows ||R_window||_F^2 <= ||W||_F^2 omega^2 ||R||_F^2,
/// where omega^2 = ceil(q / s)^2 bounds how many windows share an input pixel (zero padding
/// adds none). So the sound step is kappa / (omega ||W||_F): for LeNet-5's 5x5 stride-1
/// kernels omega = 5. A following ReLU is 1-Lipschitz and is its own step.
public struct ConvolutionRobustnessBound: LayerRobustnessBound {
    /// ||W||_F over all filters, channels and taps.
    public let frobeniusNorm: Double
    /// omega = ceil(q / s): the most windows along one axis that contain one input pixel.
    public let overlap: Int

    public init(_ layer: Conv2D<Double>) {
        let filter = layer.filter.value
        frobeniusNorm = filter.scalars.euclideanNorm
        overlap = (filter.shape[2] + layer.stride - 1) / layer.stride
    }

    /// The factor kappa is divided by.
    public func lipschitzConstant(_ variant: LayerwiseBoundVariant) -> Double {
        variant == .thesis ? frobeniusNorm : frobeniusNorm * Double(overlap)
    }

    public func inputBounds(_ outputBounds: [Double], layerInput: Tensor<Double>, layerOutput: Tensor<Double>,
                            variant: LayerwiseBoundVariant) -> [Double] {
        let constant = lipschitzConstant(variant)
        return outputBounds.map { $0 / constant }
    }
}

// The umbrella module a notebook cell imports: `import Margin` brings every public module.
@_exported import TensorModule
@_exported import Autodiff
@_exported import NeuralNetworks
@_exported import Datasets
@_exported import Robustness
@_exported import Certification
@_exported import Reproductions
@_exported import Plot
@_exported import NotebookRuntime
@_exported import PlotCairo

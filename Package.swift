// swift-tools-version: 6.0
// Margin: literate reproductions of adversarial-robustness research in Swift.
// Module order (a module never imports one listed after it; ARCHITECTURE.md draws the graph):
// CBLAS, CZlib, CCairo, CCmark, CMalloc, Checksums -> TensorModule -> Autodiff -> NeuralNetworks
// -> Datasets -> Robustness, Certification -> Reproductions; Plot -> PlotCairo; NotebookWire
// -> Notebook -> Report -> MarginCLI -> margin; NotebookWire -> NotebookRuntime (no parser);
// the numerical modules, Plot, PlotCairo, NotebookRuntime, Checksums -> Margin (what notebook
// cells import).
// Every target names each module it imports, even one that a dependency already brings:
// SwiftPM rebuilds a target only when a named dependency changes, so a module reached only
// through another would keep objects compiled against its old layout (stale enum tags and
// struct sizes; swift-package-manager issue 10483); MarginBench, which imports the Margin
// umbrella, names the modules whose types it uses through it.
import PackageDescription

/// Release builds of the numerical modules drop overflow and bounds checks on hot loops
/// (their kernels carry `@_specialize` for Float and Double) and use the vector instructions
/// of the CPU they are built on (`make` always builds on the machine that runs them); see
/// README.md, Speed.
let numericSettings: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked", "-target-cpu", "native"], .when(configuration: .release)),
]

let package = Package(
    name: "Margin",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TensorModule", targets: ["TensorModule"]),
        .library(name: "Autodiff", targets: ["Autodiff"]),
        .library(name: "NeuralNetworks", targets: ["NeuralNetworks"]),
        .library(name: "Datasets", targets: ["Datasets"]),
        .library(name: "Robustness", targets: ["Robustness"]),
        .library(name: "Certification", targets: ["Certification"]),
        .library(name: "Reproductions", targets: ["Reproductions"]),
        .library(name: "Plot", targets: ["Plot"]),
        .library(name: "PlotCairo", targets: ["PlotCairo"]),
        .library(name: "NotebookWire", targets: ["NotebookWire"]),
        .library(name: "Notebook", targets: ["Notebook"]),
        .library(name: "NotebookRuntime", targets: ["NotebookRuntime"]),
        .library(name: "Report", targets: ["Report"]),
        // Notebook programs link this one shared library instead of rebuilding Margin.
        .library(name: "Margin", type: .dynamic, targets: ["Margin"]),
        .executable(name: "margin", targets: ["margin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // MARK: System libraries (pkg-config module maps, see each README.md)
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .systemLibrary(name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        // MARK: Shared by the data loaders and the notebook cache
        .target(name: "Checksums"),

        // MARK: Numerical core
        .target(name: "TensorModule", dependencies: [
            "CBLAS", .product(name: "RealModule", package: "swift-numerics"),
        ], swiftSettings: numericSettings),
        .target(name: "Autodiff", dependencies: ["TensorModule"], swiftSettings: numericSettings),
        .target(name: "NeuralNetworks", dependencies: ["TensorModule", "Autodiff"], swiftSettings: numericSettings),
        .target(name: "Datasets", dependencies: ["TensorModule", "CZlib", "Checksums"], swiftSettings: numericSettings),

        // MARK: The papers
        .target(name: "Robustness", dependencies: ["TensorModule", "Autodiff", "NeuralNetworks"],
                swiftSettings: numericSettings),
        .target(name: "Certification", dependencies: ["TensorModule", "Autodiff", "NeuralNetworks"],
                swiftSettings: numericSettings),
        .target(name: "Reproductions",
                dependencies: ["TensorModule", "Autodiff", "NeuralNetworks", "Datasets", "Robustness", "Certification"],
                swiftSettings: numericSettings),

        // MARK: Figures
        .target(name: "Plot"),
        .target(name: "PlotCairo", dependencies: ["Plot", "CCairo"]),

        // MARK: Notebooks and reports
        // The records the notebook program and `margin` exchange, Foundation only: the program
        // links NotebookRuntime, which needs these but not the parser (cmark, Yams).
        .target(name: "NotebookWire"),
        .target(name: "Notebook", dependencies: ["NotebookWire", "CCmark", "Yams", "Checksums"]),
        .target(name: "NotebookRuntime", dependencies: ["NotebookWire", "Checksums", "Plot", "PlotCairo", "CMalloc"]),
        .target(name: "Report", dependencies: ["NotebookWire", "Notebook", "Plot", "PlotCairo", "CCairo", "CCmark"]),
        .target(name: "Margin", dependencies: [
            "TensorModule", "Autodiff", "NeuralNetworks", "Datasets", "Robustness",
            "Certification", "Reproductions", "Plot", "PlotCairo", "NotebookRuntime", "Checksums",
        ]),
        // The CLI's commands and option types, in a library so MarginCLITests can parse
        // command lines; `margin` only calls `MarginCommand.main()`.
        .target(name: "MarginCLI", dependencies: [
            "NotebookWire", "Notebook", "Report", "Plot", "PlotCairo",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "margin", dependencies: ["MarginCLI"]),

        // MARK: Benchmarks (make bench)
        .executableTarget(name: "MarginBench", dependencies: ["TensorModule", "Autodiff", "NeuralNetworks", "Plot", "Margin"],
                          path: "bench/MarginBench",
                          swiftSettings: numericSettings),

        // MARK: Tests
        .target(name: "_TestSupport", dependencies: ["TensorModule", "Autodiff", "CCairo"], exclude: ["README.md"]),
        .testTarget(name: "ChecksumsTests", dependencies: ["Checksums"]),
        .testTarget(name: "TensorModuleTests", dependencies: ["TensorModule", "_TestSupport"]),
        .testTarget(name: "AutodiffTests", dependencies: ["TensorModule", "Autodiff", "_TestSupport"]),
        .testTarget(name: "NeuralNetworksTests",
                    dependencies: ["TensorModule", "Autodiff", "NeuralNetworks", "Datasets", "_TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Checksums", "TensorModule", "Datasets", "_TestSupport"]),
        .testTarget(name: "RobustnessTests", dependencies: [
            "TensorModule", "Autodiff", "NeuralNetworks", "Robustness", "Certification", "_TestSupport",
        ]),
        .testTarget(name: "CertificationTests", dependencies: [
            "TensorModule", "Autodiff", "NeuralNetworks", "Certification", "_TestSupport",
        ]),
        .testTarget(name: "ReproductionsTests", dependencies: [
            "TensorModule", "Autodiff", "NeuralNetworks", "Datasets", "Certification", "Reproductions", "_TestSupport",
        ]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "_TestSupport"]),
        .testTarget(name: "PlotCairoTests", dependencies: ["PlotCairo", "Plot", "_TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "NotebookTests", dependencies: ["NotebookWire", "Notebook", "_TestSupport"]),
        .testTarget(name: "NotebookRuntimeTests", dependencies: ["NotebookWire", "NotebookRuntime", "_TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["NotebookWire", "Report", "Notebook", "CCairo", "_TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "MarginCLITests", dependencies: [
            "Notebook", "Report", "MarginCLI", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ]
)

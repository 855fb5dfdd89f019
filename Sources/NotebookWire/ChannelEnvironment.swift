/// The environment variables through which the parent process configures the notebook
/// program's NotebookRuntime.
public enum ChannelEnvironment {
    /// Path of the JSON-lines file the program appends `ChannelRecord`s to.
    public static let channel = "MARGIN_NOTEBOOK_CHANNEL"
    /// Folder for per-cell `cell-N.stdout` and `cell-N.stderr` files.
    public static let capture = "MARGIN_NOTEBOOK_CAPTURE"
    /// Folder of the artifact cache (`cached(_:key:compute:)`).
    public static let artifactCache = "MARGIN_NOTEBOOK_CACHE"
    /// Folder where the program writes the SVG of each figure it rasterises (a figure with
    /// more marks than `FigureRecord.rasterMarkLimit`), named by a hash of its PNG.
    public static let figures = "MARGIN_NOTEBOOK_FIGURES"
    /// "1" when the artifact cache must be ignored (values recomputed and stored again).
    public static let fresh = "MARGIN_NOTEBOOK_FRESH"
    /// JSON object mapping parameter names to their values as text.
    public static let parameters = "MARGIN_NOTEBOOK_PARAMS"
    /// The notebook's base seed, decimal.
    public static let seed = "MARGIN_NOTEBOOK_SEED"
    /// Folder the notebook's relative paths resolve against.
    public static let notebookDirectory = "MARGIN_NOTEBOOK_DIR"
}

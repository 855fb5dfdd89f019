// The NotebookRuntime module: see ../../../shared/DESIGN.md and the issue that builds it. Not yet written.

/// The HTML report's style sheet, inlined into every report (no external files).
enum ReportStyle {
    static let css = """
    :root { --text: #1d1d1f; --muted: #5f6368; --rule: #d0d4da; --code-bg: #f6f8fa; --accent: #1f5fa8; }
    html { font-size: 17px; }
    body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 4rem; color: var(--text);
           font-family: "DejaVu Serif", Georgia, serif; line-height: 1.55; background: #fff; }
    h1, h2, h3, h4 { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; line-height: 1.25; margin: 1.8em 0 0.6em; }
    h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; } h3 { font-size: 1.1rem; }
    a { color: var(--accent); }
    .title-block { border-bottom: 1px solid var(--rule); margin-bottom: 1.5rem; padding-bottom: 1rem; }
    .title-block .title { font-size: 2rem; margin-top: 0.5rem; }
    .subtitle { font-size: 1.2rem; color: var(--muted); margin-top: -0.4rem; }
    .authors, .date { margin: 0.2rem 0; color: var(--muted); }
    .abstract { margin-top: 1rem; font-size: 0.95rem; }
    .abstract-title { font-size: 1rem; margin: 0.5rem 0 0.25rem; }
    #toc { background: #fafbfc; border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 1.25rem; margin-bottom: 2rem; }
    #toc h2 { font-size: 1rem; margin: 0.5rem 0; }
    #toc ul { list-style: none; padding-left: 0; margin: 0.25rem 0 0.5rem; }
    #toc .toc-level-2 { padding-left: 1.2rem; } #toc .toc-level-3 { padding-left: 2.4rem; }
    p { text-align: justify; hyphens: auto; }
    code, pre { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 0.82rem; }
    pre { background: var(--code-bg); border-radius: 6px; padding: 0.7rem 0.9rem; overflow-x: auto; line-height: 1.4; }
    pre.output { background: #fff; border-left: 3px solid var(--rule); border-radius: 0; }
    p.output-omitted { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 0.78rem; text-align: left; font-style: italic; color: var(--muted); margin: 0.2em 0; }
    pre.stderr { border-left-color: #d98e04; background: #fffaf0; }
    .cell { margin: 1.2rem 0; }
    .cell.failed { border-left: 4px solid #c62828; padding-left: 0.75rem; }
    .cell-error, .failure-banner { background: #fdecea; border: 1px solid #f5c2c0; border-radius: 6px; padding: 0.6rem 0.9rem; color: #7f1d1d; }
    .failure-banner { margin-bottom: 1.5rem; }
    details.code-fold summary { cursor: pointer; color: var(--muted); font-family: "DejaVu Sans", sans-serif; font-size: 0.85rem; }
    .tok-keyword { color: #a626a4; } .tok-type { color: #0e6ba8; } .tok-string { color: #50a14f; }
    .tok-number { color: #b76b01; } .tok-comment { color: #8a8f98; font-style: italic; } .tok-attribute { color: #c18401; }
    figure { margin: 1.5rem 0; text-align: center; }
    figure img { max-width: 100%; height: auto; }
    figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.4rem; }
    .caption-label { font-weight: bold; color: var(--text); }
    table { border-collapse: collapse; margin: 0.75rem auto; font-size: 0.9rem; }
    th, td { padding: 0.3rem 0.7rem; }
    thead tr:last-child th { border-bottom: 1px solid var(--text); }
    table.data-table, table.prose-table { border-top: 2px solid var(--text); border-bottom: 2px solid var(--text); }
    .column-groups th.group { border-bottom: 1px solid var(--rule); }
    td { font-variant-numeric: tabular-nums; }
    .table-note { font-size: 0.82rem; color: var(--muted); text-align: center; margin: 0.2rem 0; }
    .math.display { display: block; text-align: center; margin: 1rem 0; padding: 0.2rem 0; overflow-x: auto; overflow-y: hidden; }
    math { font-size: 1.05em; }
    .math-error { color: #c62828; }
    .xref.missing { color: #c62828; font-weight: bold; }
    #reproducibility { margin-top: 3rem; border-top: 1px solid var(--rule); font-size: 0.85rem; }
    #reproducibility table { margin: 0.5rem 0; width: 100%; }
    #reproducibility th { text-align: left; vertical-align: top; white-space: nowrap; }
    #reproducibility ul { margin: 0; padding-left: 1rem; }
    @media print { #toc { display: none; } details.code-fold { display: none; } body { max-width: none; } }
    """
}

import Notebook

extension WovenReport {
    /// Every math expression in the report: prose, abstract, Markdown outputs and captions.
    public var mathExpressions: Set<MathExpression> {
        var expressions = Set<MathExpression>()
        func visit(_ node: MarkdownNode) {
            if case .math(let expression) = node.kind { expressions.insert(expression) }
            node.children.forEach(visit)
        }
        abstract.map(visit)
        for block in blocks {
            switch block {
            case .prose(let node): visit(node)
            case .cell(_, _, let outputs):
                for output in outputs {
                    switch output {
                    case .markdown(let node): visit(node)
                    case .figure(_, _, let caption?), .table(_, _, let caption?): visit(caption)
                    default: break
                    }
                }
            }
        }
        return expressions
    }
}

import Notebook

extension WovenReport {
    /// Every math expression in the report: prose, abstract, Markdown outputs and captions.
    public var mathExpressions: Set<MathExpression> {
        var expressions = Set<MathExpression>()
        for root in markdownRoots {
            root.forEachNode { node in
                if case .math(let expression) = node.kind { expressions.insert(expression) }
            }
        }
        return expressions
    }
}

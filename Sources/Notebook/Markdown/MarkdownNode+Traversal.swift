extension MarkdownNode {
    /// Calls `body` on this node and then on every descendant, depth first, in document order.
    public func forEachNode(_ body: (MarkdownNode) -> Void) {
        body(self)
        for child in children { child.forEachNode(body) }
    }
}

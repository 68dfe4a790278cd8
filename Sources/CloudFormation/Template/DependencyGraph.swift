/// Which resources depend on which (through `Ref`, `Fn::GetAtt`, `Fn::Sub` and `DependsOn`), with
/// the orders CloudFormation creates and deletes them in.
public struct DependencyGraph: Sendable, Equatable {
    /// Logical ids in template order.
    public let nodes: [String]
    /// For each logical id, the ids it depends on (each once, in the order first used).
    public let dependencies: [String: [String]]

    /// A graph of `nodes` (template order) and their `dependencies`; edges to unknown ids are ignored.
    public init(nodes: [String], dependencies: [String: [String]]) {
        self.nodes = nodes
        let known = Set(nodes)
        self.dependencies = dependencies.mapValues { $0.filter(known.contains) }
    }

    /// The ids that sit on a cycle (a strongly connected group of two or more, or a resource that
    /// depends on itself), in template order; empty when there is none.
    public var cyclicNodes: [String] {
        var tarjan = Tarjan(graph: self)
        for node in nodes where tarjan.index[node] == nil { tarjan.connect(node) }
        return nodes.filter(tarjan.cyclic.contains)
    }

    /// Dependencies first; among resources that are ready at the same time, template order
    /// first. Only ids in `subset` (all when `nil`) are ordered; edges leaving it are ignored.
    /// Ids on a cycle never become ready and are left out.
    public func creationOrder(of subset: Set<String>? = nil) -> [String] {
        let members = nodes.filter { subset?.contains($0) ?? true }
        let memberSet = Set(members)
        var waitingOn: [String: Set<String>] = [:]
        for node in members { waitingOn[node] = Set((dependencies[node] ?? []).filter { memberSet.contains($0) && $0 != node }) }
        var order: [String] = []
        var placed = Set<String>()
        while let next = members.first(where: { !placed.contains($0) && (waitingOn[$0] ?? []).isSubset(of: placed) }) {
            order.append(next)
            placed.insert(next)
        }
        return order
    }

    /// The reverse of `creationOrder`: dependents are deleted before what they depend on.
    public func deletionOrder(of subset: Set<String>? = nil) -> [String] { creationOrder(of: subset).reversed() }
}

/// Tarjan's strongly connected components, keeping only what cycle detection needs.
private struct Tarjan {
    let graph: DependencyGraph
    var index: [String: Int] = [:]
    var lowLink: [String: Int] = [:]
    var stack: [String] = []
    var onStack = Set<String>()
    var cyclic = Set<String>()
    var counter = 0

    init(graph: DependencyGraph) { self.graph = graph }

    mutating func connect(_ node: String) {
        index[node] = counter
        lowLink[node] = counter
        counter += 1
        stack.append(node)
        onStack.insert(node)
        let next = graph.dependencies[node] ?? []
        for dependency in next {
            if index[dependency] == nil {
                connect(dependency)
                lowLink[node] = min(lowLink[node] ?? 0, lowLink[dependency] ?? 0)
            } else if onStack.contains(dependency) {
                lowLink[node] = min(lowLink[node] ?? 0, index[dependency] ?? 0)
            }
        }
        guard lowLink[node] == index[node] else { return }
        var component: [String] = []
        while let top = stack.popLast() {
            onStack.remove(top)
            component.append(top)
            if top == node { break }
        }
        if component.count > 1 || next.contains(node) { cyclic.formUnion(component) }
    }
}

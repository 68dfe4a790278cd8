import SimKit

/// A JMESPath syntax tree, shaped like `jmespath/ast.py`.
indirect enum JMESNode: Sendable {
    enum Comparator: String, Sendable { case eq, ne, lt, lte, gt, gte }

    case field(String)
    case literal(JSON)
    case identity
    case current
    case subexpression([JMESNode])
    case indexExpression([JMESNode])
    case index(Int)
    case slice(Int?, Int?, Int?)
    /// `left[*]…right`, `left[]…right` and slices: `right` applied to each element of a list.
    case projection(JMESNode, JMESNode)
    /// `left.*…right`: `right` applied to each value of an object.
    case valueProjection(JMESNode, JMESNode)
    /// `left[?condition]…right`.
    case filterProjection(JMESNode, JMESNode, condition: JMESNode)
    case flatten(JMESNode)
    case comparator(Comparator, JMESNode, JMESNode)
    case or(JMESNode, JMESNode)
    case and(JMESNode, JMESNode)
    case not(JMESNode)
    case pipe(JMESNode, JMESNode)
    case multiSelectList([JMESNode])
    case multiSelectHash([(String, JMESNode)])
    case function(String, [JMESNode])
    case expref(JMESNode)

    /// Every function name the expression calls, depth first.
    var functionNames: [String] {
        switch self {
        case .field, .literal, .identity, .current, .index, .slice: []
        case .subexpression(let nodes), .indexExpression(let nodes), .multiSelectList(let nodes):
            nodes.flatMap(\.functionNames)
        case .projection(let a, let b), .valueProjection(let a, let b), .comparator(_, let a, let b),
             .or(let a, let b), .and(let a, let b), .pipe(let a, let b):
            a.functionNames + b.functionNames
        case .filterProjection(let a, let b, let c): a.functionNames + b.functionNames + c.functionNames
        case .flatten(let a), .not(let a), .expref(let a): a.functionNames
        case .multiSelectHash(let pairs): pairs.flatMap(\.1.functionNames)
        case .function(let name, let args): [name] + args.flatMap(\.functionNames)
        }
    }
}

/// A compiled `--query` expression.
public struct JMESPathExpression: Sendable {
    /// The text as given.
    public let text: String
    let root: JMESNode

    /// Evaluates the expression against a response, as `jmespath.search` does.
    ///
    /// Throws `CLIFailure` (exit 255) for the errors Python's jmespath raises while searching
    /// (an unknown function, a wrong argument count or type).
    public func search(_ value: JSON) throws -> JSON {
        try JMESInterpreter().visit(root, value)
    }
}

/// The JMESPath entry points.
public enum JMESPath {
    /// Functions of the JMESPath spec the workbook evaluates.
    public static let simulatedFunctions: Set<String> = [
        "contains", "ends_with", "join", "keys", "length", "max", "min", "not_null", "reverse",
        "sort", "sort_by", "starts_with", "sum", "to_string", "type", "values",
    ]

    /// Functions of the JMESPath spec the workbook refuses by name.
    public static let unsimulatedFunctions: Set<String> = [
        "abs", "avg", "ceil", "floor", "map", "max_by", "merge", "min_by", "to_array", "to_number",
    ]

    /// Parses `expression`.
    ///
    /// Throws `CLIFailure.badQuery` (exit 252) with Python jmespath's message for a syntax error,
    /// and `WorkbookError` (exit 2) for a spec function the workbook does not simulate.
    public static func compile(_ expression: String) throws -> JMESPathExpression {
        let root: JMESNode
        do {
            root = try JMESParser.parse(expression)
        } catch {
            throw CLIFailure.badQuery(expression, reason: error.message)
        }
        if let name = root.functionNames.first(where: unsimulatedFunctions.contains) {
            throw WorkbookError(
                LocalizedText(en: "JMESPath function '\(name)' is not simulated",
                              ko: "JMESPath 함수 '\(name)'은(는) 시뮬레이션되지 않습니다"),
                fix: LocalizedText(
                    en: "use one of: " + simulatedFunctions.sorted().joined(separator: ", ")
                        + " — or run the command against real AWS with the real aws CLI",
                    ko: "다음 함수 중 하나를 쓰세요: " + simulatedFunctions.sorted().joined(separator: ", ")
                        + " — 또는 실제 AWS에서 실제 aws CLI로 실행하세요"))
        }
        return JMESPathExpression(text: expression, root: root)
    }
}

import SimKit

/// Turns policy JSON into a `PolicyDocument`, checking it in the order IAM does so the first
/// problem reported is the one IAM would report: syntax, version, legacy parsing, Sid
/// uniqueness, actions, resources, resource format, action prefixes, then the rules of the
/// policy kind. Only a document IAM accepts is then checked for features we don't simulate.
struct PolicyParser {
    let kind: PolicyKind

    /// The parts of a document that `PolicyDocument` keeps.
    struct Parsed {
        var version: String?
        var id: String?
        var statements: [PolicyStatement]
    }

    /// One statement after the syntax pass: elements checked for shape, rules not yet applied.
    struct Raw {
        var index: Int
        var object: JSONObject
        var sid: String?
        var effect: String
        var actions: PatternList?
        var resources: PatternList?
        var principal: Principal?
    }

    static let topLevelElements: Set = ["Version", "Id", "Statement"]
    static let statementElements: Set = [
        "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition",
    ]
    static let versions: Set = ["2008-10-17", "2012-10-17"]

    func parse(_ json: JSON) throws -> Parsed {
        guard case .object(let document) = json else { throw MalformedPolicyDocument(.notAnObject) }
        if let key = document.keys.first(where: { !Self.topLevelElements.contains($0) }) {
            throw MalformedPolicyDocument(.unknownTopLevelElement(key))
        }
        let version = try Self.version(document["Version"])
        let raws = try Self.statementObjects(document["Statement"]).enumerated().map { try Self.syntax($1, index: $0) }
        try checkRules(raws, version: version)
        try PolicyParser.checkSimulated(raws, version: version)
        let statements = raws.map {
            PolicyStatement(sid: $0.sid, effect: $0.effect == "Allow" ? .allow : .deny, principal: $0.principal,
                            actions: $0.actions ?? .including([]), resources: $0.resources)
        }
        return Parsed(version: version, id: document["Id"]?.stringValue, statements: statements)
    }

    // MARK: Syntax

    private static func version(_ json: JSON?) throws -> String? {
        guard let json else { return nil }
        guard let version = json.stringValue, versions.contains(version) else {
            throw MalformedPolicyDocument(.unknownVersion(json.stringValue ?? json.serialized(.compact)))
        }
        return version
    }

    private static func statementObjects(_ json: JSON?) throws -> [JSON] {
        switch json {
        case nil: throw MalformedPolicyDocument(.missingStatement)
        case .object(let statement)?: return [.object(statement)]
        case .array(let list)?:
            if list.isEmpty { throw MalformedPolicyDocument(.emptyStatementList) }
            return list
        default: throw MalformedPolicyDocument(.statementNotObjectOrList)
        }
    }

    private static func syntax(_ json: JSON, index: Int) throws -> Raw {
        guard case .object(let object) = json else { throw MalformedPolicyDocument(.statementNotObject(statement: index)) }
        if let key = object.keys.first(where: { !statementElements.contains($0) }) {
            throw MalformedPolicyDocument(.unknownStatementElement(key, statement: index))
        }
        for (first, second) in [("Resource", "NotResource"), ("Action", "NotAction"), ("Principal", "NotPrincipal")]
        where object[first] != nil && object[second] != nil {
            throw MalformedPolicyDocument(.conflictingElements(first, second, statement: index))
        }
        let effect = try effect(object["Effect"], index: index)
        let actions = try patterns(object, "Action", "NotAction", index: index)
        let resources = try patterns(object, "Resource", "NotResource", index: index)
        if let sid = object["Sid"], sid.stringValue == nil { throw MalformedPolicyDocument(.sidNotString(statement: index)) }
        try checkConditionShape(object["Condition"], index: index)
        let principal = try object["Principal"].map { try Self.principal($0, index: index) }
        return Raw(index: index, object: object, sid: object["Sid"]?.stringValue, effect: effect,
                   actions: actions, resources: resources, principal: principal)
    }

    private static func effect(_ json: JSON?, index: Int) throws -> String {
        guard let json else { throw MalformedPolicyDocument(.missingEffect(statement: index)) }
        guard let effect = json.stringValue, ["allow", "deny"].contains(effect.lowercased()) else {
            throw MalformedPolicyDocument(.invalidEffect(json.stringValue ?? json.serialized(.compact), statement: index))
        }
        return effect
    }

    private static func patterns(_ object: JSONObject, _ positive: String, _ negative: String,
                                 index: Int) throws -> PatternList? {
        if let json = object[positive] { return .including(try strings(json, element: positive, index: index)) }
        if let json = object[negative] { return .excluding(try strings(json, element: negative, index: index)) }
        return nil
    }

    /// A string or a list of strings, as IAM accepts for Action, Resource and principal values.
    static func strings(_ json: JSON, element: String, index: Int) throws -> [String] {
        if let single = json.stringValue { return [single] }
        if let list = json.arrayValue {
            let strings = list.compactMap(\.stringValue)
            if strings.count == list.count { return strings }
        }
        throw MalformedPolicyDocument(.notStringOrList(element: element, statement: index))
    }

    private static func checkConditionShape(_ json: JSON?, index: Int) throws {
        guard let json else { return }
        guard let operators = json.objectValue, operators.allSatisfy({ $0.value.objectValue != nil }) else {
            throw MalformedPolicyDocument(.malformedCondition(statement: index))
        }
    }

    private static func principal(_ json: JSON, index: Int) throws -> Principal {
        if json.stringValue == "*" { return .anyone }
        guard let object = json.objectValue, !object.isEmpty else {
            throw MalformedPolicyDocument(.malformedPrincipal(statement: index))
        }
        let entries = try object.map { member in
            guard let type = PrincipalType(rawValue: member.key) else {
                throw MalformedPolicyDocument(.malformedPrincipal(statement: index))
            }
            return PrincipalEntry(type: type, values: try strings(member.value, element: "Principal", index: index))
        }
        return .identifiers(entries)
    }
}

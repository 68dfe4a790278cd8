import GRDB
import SimKit

/// UpdateFunctionConfiguration and UpdateFunctionCode: the function as it is, with the changed
/// members, through the same `update` a CloudFormation update uses (validation, the runtime
/// block on update, a new RevisionId and LastModified).
extension FunctionStore {
    /// The members of UpdateFunctionConfiguration the simulation models; nil keeps a member.
    public struct ConfigurationChanges: Sendable, Equatable {
        public var role: String?
        public var handler: String?
        public var description: String?
        public var timeout: Int?
        public var memorySize: Int?
        public var environment: JSONObject?
        public var runtime: String?

        public init() {}
    }

    /// UpdateFunctionConfiguration. `roleAssumable` is asked (Lambda asks IAM) only when the
    /// role changes.
    public func updateConfiguration(_ name: String, _ changes: ConfigurationChanges, roleAssumable: (String) throws -> Bool,
                                    now: EpochMillis, ids: IDGenerator, in db: Database) throws -> Result<FunctionConfiguration, AWSError> {
        guard let current = try get(name, in: db), let code = try blobs.ref(current.codeSha256, in: db) else {
            return .failure(notFound(name))
        }
        var d = definition(of: current, code: .stored(code))
        if let role = changes.role { d.role = role }
        if let handler = changes.handler { d.handler = handler }
        if let description = changes.description { d.description = description }
        if let timeout = changes.timeout { d.timeout = timeout }
        if let memorySize = changes.memorySize { d.memorySize = memorySize }
        if let environment = changes.environment { d.environment = environment }
        if let runtime = changes.runtime { d.runtime = runtime }
        let assumable = try d.role == current.role || roleAssumable(d.role)
        return try update(d, roleAssumable: assumable, now: now, ids: ids, in: db)
    }

    /// UpdateFunctionCode: new code, the rest as it is.
    public func updateCode(_ name: String, code: Code, now: EpochMillis, ids: IDGenerator,
                           in db: Database) throws -> Result<FunctionConfiguration, AWSError> {
        guard let current = try get(name, in: db) else { return .failure(notFound(name)) }
        return try update(definition(of: current, code: code), roleAssumable: true, now: now, ids: ids, in: db)
    }

    /// The definition that recreates `c` with `code`.
    func definition(of c: FunctionConfiguration, code: Code) -> Definition {
        var d = Definition(name: c.name, runtime: c.runtime, role: c.role, handler: c.handler, code: code)
        d.description = c.description
        d.timeout = c.timeout
        d.memorySize = c.memorySize
        d.environment = c.environment
        d.architectures = c.architectures
        d.tags = c.tags
        return d
    }
}

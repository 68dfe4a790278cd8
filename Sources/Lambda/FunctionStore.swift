import Foundation
import GRDB
import SimKit

/// Lambda's control plane over its tables. Every call runs inside the caller's transaction.
public struct FunctionStore: Sendable {
    public let region: String
    public let account: String

    public init(region: String, account: String) {
        self.region = region
        self.account = account
    }

    /// The input of CreateFunction / UpdateFunction*.
    public struct Definition: Sendable, Equatable {
        public var name: String
        public var runtime: String?
        public var role: String
        public var handler: String?
        public var description: String = ""
        public var timeout: Int = FunctionConfiguration.defaultTimeout
        public var memorySize: Int = FunctionConfiguration.defaultMemorySize
        public var environment: JSONObject = JSONObject()
        public var architectures: [String] = ["x86_64"]
        public var tags: JSONObject = JSONObject()
        public var code: Code

        public init(name: String, runtime: String?, role: String, handler: String?, code: Code) {
            self.name = name
            self.runtime = runtime
            self.role = role
            self.handler = handler
            self.code = code
        }
    }

    /// A function's code: a serialised `CodeArchive`, never parsed or serialised again here, so
    /// an uploaded multi-megabyte `node_modules` costs no copies.
    public enum Code: Sendable, Equatable {
        /// Bytes given inline (CloudFormation's `ZipFile`).
        case archive([UInt8])
        /// An archive already in the blob store (an uploaded artifact): referenced, not copied.
        case stored(BlobStore.Ref)
    }

    let blobs = BlobStore()

    public func notFound(_ name: String) -> AWSError {
        AWSError(code: "ResourceNotFoundException",
                 message: "Function not found: \(ARN.lambdaFunction(name, region: region, account: account))", httpStatus: 404)
    }

    /// CreateFunction. `roleAssumable` is the IAM check the caller made (Lambda asks IAM).
    public func create(_ d: Definition, roleAssumable: Bool, now: EpochMillis, ids: IDGenerator, in db: Database) throws -> Result<FunctionConfiguration, AWSError> {
        if let problem = FunctionValidation.validate(runtime: d.runtime, handler: d.handler, timeout: d.timeout,
                                                     memorySize: d.memorySize, creating: true, now: now) {
            return .failure(problem)
        }
        if try get(d.name, in: db) != nil {
            return .failure(AWSError(code: "ResourceConflictException",
                                     message: "Function already exist: \(d.name)", httpStatus: 409))
        }
        guard roleAssumable else {
            return .failure(AWSError(code: "InvalidParameterValueException",
                                     message: "The role defined for the function cannot be assumed by Lambda.", httpStatus: 400))
        }
        let code = try retain(d.code, in: db)
        let config = configuration(d, code: code, now: now, revision: ids.uuid())
        try db.execute(sql: """
            INSERT INTO lambda_functions (name, arn, runtime, role, handler, description, timeout, memory_size,
                environment, architectures, code_sha256, code_size, code, last_modified, revision_id, tags)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [config.name, config.arn, config.runtime, config.role, config.handler, config.description,
                             config.timeout, config.memorySize, JSON.object(config.environment).serialized(),
                             JSON.array(config.architectures.map(JSON.string)).serialized(), config.codeSha256,
                             config.codeSize, Data(), config.lastModified, config.revisionId,
                             JSON.object(config.tags).serialized()])
        return .success(config)
    }

    /// Replaces a function's code and configuration (CloudFormation updates do both at once).
    public func update(_ d: Definition, roleAssumable: Bool, now: EpochMillis, ids: IDGenerator, in db: Database) throws -> Result<FunctionConfiguration, AWSError> {
        if let problem = FunctionValidation.validate(runtime: d.runtime, handler: d.handler, timeout: d.timeout,
                                                     memorySize: d.memorySize, creating: false, now: now) {
            return .failure(problem)
        }
        guard let previous = try get(d.name, in: db) else { return .failure(notFound(d.name)) }
        guard roleAssumable else {
            return .failure(AWSError(code: "InvalidParameterValueException",
                                     message: "The role defined for the function cannot be assumed by Lambda.", httpStatus: 400))
        }
        let code = try retain(d.code, in: db)
        try blobs.release(previous.codeSha256, in: db)
        let config = configuration(d, code: code, now: now, revision: ids.uuid())
        try db.execute(sql: """
            UPDATE lambda_functions SET runtime = ?, role = ?, handler = ?, description = ?, timeout = ?, memory_size = ?,
                environment = ?, architectures = ?, code_sha256 = ?, code_size = ?, code = ?, last_modified = ?,
                revision_id = ?, tags = ? WHERE name = ?
            """, arguments: [config.runtime, config.role, config.handler, config.description, config.timeout,
                             config.memorySize, JSON.object(config.environment).serialized(),
                             JSON.array(config.architectures.map(JSON.string)).serialized(), config.codeSha256,
                             config.codeSize, Data(), config.lastModified, config.revisionId,
                             JSON.object(config.tags).serialized(), config.name])
        return .success(config)
    }

    /// Stores or references the code; the row's `code_sha256` names the blob from then on.
    private func retain(_ code: Code, in db: Database) throws -> BlobStore.Ref {
        switch code {
        case .archive(let bytes):
            return try blobs.retain(bytes, in: db)
        case .stored(let ref):
            guard try blobs.retain(ref, in: db) else {
                throw WorkbookError(LocalizedText(en: "internal: Lambda code blob \(ref.sha256) is not stored"))
            }
            return ref
        }
    }

    private func configuration(_ d: Definition, code: BlobStore.Ref, now: EpochMillis, revision: String) -> FunctionConfiguration {
        return FunctionConfiguration(
            name: d.name, arn: ARN.lambdaFunction(d.name, region: region, account: account).description,
            runtime: d.runtime, role: d.role, handler: d.handler, description: d.description, timeout: d.timeout,
            memorySize: d.memorySize, environment: d.environment, architectures: d.architectures,
            codeSha256: code.sha256, codeSize: code.size, lastModified: now,
            revisionId: revision, tags: d.tags)
    }

    /// DeleteFunction; false when there was none.
    @discardableResult
    public func delete(_ name: String, in db: Database) throws -> Bool {
        guard let code = try String.fetchOne(db, sql: "SELECT code_sha256 FROM lambda_functions WHERE name = ?", arguments: [name]) else {
            return false
        }
        try db.execute(sql: "DELETE FROM lambda_functions WHERE name = ?", arguments: [name])
        try blobs.release(code, in: db)
        return true
    }

    /// GetFunctionConfiguration.
    public func get(_ name: String, in db: Database) throws -> FunctionConfiguration? {
        try Row.fetchOne(db, sql: "SELECT * FROM lambda_functions WHERE name = ?", arguments: [name]).map(Self.configuration)
    }

    /// ListFunctions, by name.
    public func list(in db: Database) throws -> [FunctionConfiguration] {
        try Row.fetchAll(db, sql: "SELECT * FROM lambda_functions ORDER BY name").map(Self.configuration)
    }

    /// The stored code: a `CodeArchive` (SAM deploys) or a real zip (`update-function-code
    /// --zip-file`, kept as uploaded so its CodeSha256 and CodeSize are the zip's, as on AWS).
    public func code(_ name: String, in db: Database) throws -> CodeArchive? {
        guard let sha = try String.fetchOne(db, sql: "SELECT code_sha256 FROM lambda_functions WHERE name = ?", arguments: [name]) else {
            return nil
        }
        return try code(sha256: sha, in: db)
    }

    /// The stored code with digest `sha256`, while the account still holds it.
    public func code(sha256: String, in db: Database) throws -> CodeArchive? {
        try blobs.bytes(sha256, in: db).flatMap { CodeArchive(stored: $0) }
    }

    /// AddPermission (resource policy statement).
    public func addPermission(function: String, sid: String, statement: JSON, in db: Database) throws -> AWSError? {
        guard try get(function, in: db) != nil else { return notFound(function) }
        let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM lambda_permissions WHERE function_name = ? AND sid = ?", arguments: [function, sid]) ?? false
        if exists {
            return AWSError(code: "ResourceConflictException", message: "The statement id (\(sid)) provided already exists. Please provide a new statement id, or remove the existing statement.", httpStatus: 409)
        }
        try db.execute(sql: "INSERT INTO lambda_permissions (function_name, sid, statement) VALUES (?, ?, ?)",
                       arguments: [function, sid, statement.serialized()])
        return nil
    }

    /// RemovePermission.
    public func removePermission(function: String, sid: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM lambda_permissions WHERE function_name = ? AND sid = ?", arguments: [function, sid])
    }

    static func configuration(_ row: Row) -> FunctionConfiguration {
        func json(_ column: String) -> JSON { (try? JSONParser.parse(row[column] as String? ?? "null")) ?? .null }
        return FunctionConfiguration(
            name: row["name"], arn: row["arn"], runtime: row["runtime"], role: row["role"], handler: row["handler"],
            description: row["description"], timeout: row["timeout"], memorySize: row["memory_size"],
            environment: json("environment").objectValue ?? JSONObject(),
            architectures: json("architectures").arrayValue?.compactMap(\.stringValue) ?? ["x86_64"],
            codeSha256: row["code_sha256"], codeSize: row["code_size"], lastModified: row["last_modified"],
            revisionId: row["revision_id"], tags: json("tags").objectValue ?? JSONObject())
    }
}

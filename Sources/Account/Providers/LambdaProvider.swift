import CloudFormation
import GRDB
import IAM
import Lambda
import SimKit

/// AWS::Lambda::Function and AWS::Lambda::Permission.
extension AccountProvisioner {
    func createFunction(_ request: ProvisionRequest) throws -> ProvisionResult {
        let name = Self.text(request.properties["FunctionName"]) ?? physicalName(request, suffix: account.ids.physicalSuffix())
        let definition = try functionDefinition(request, name: name)
        let result = try account.functions.create(definition, roleAssumable: try roleAssumable(definition.role), now: account.now(),
                                                  ids: account.ids, in: db)
        switch result {
        case .success(let config): return ProvisionResult(physicalId: config.name, attributes: ["Arn": .string(config.arn)])
        case .failure(let error): throw ProvisionFailure.service("Lambda", error)
        }
    }

    func updateFunction(_ request: ProvisionRequest, physicalId: String) throws -> ProvisionResult {
        let definition = try functionDefinition(request, name: physicalId)
        let result = try account.functions.update(definition, roleAssumable: try roleAssumable(definition.role), now: account.now(),
                                                  ids: account.ids, in: db)
        switch result {
        case .success(let config): return ProvisionResult(physicalId: config.name, attributes: ["Arn": .string(config.arn)])
        case .failure(let error): throw ProvisionFailure.service("Lambda", error)
        }
    }

    /// The function definition from properties; code comes from the SAM artifact bucket or `ZipFile`.
    func functionDefinition(_ request: ProvisionRequest, name: String) throws -> FunctionStore.Definition {
        let p = request.properties
        guard let role = Self.text(try required(request, "Role")) else { throw ProvisionFailure(message: "Role must be a string") }
        let runtime = Self.text(p["Runtime"])
        var definition = FunctionStore.Definition(name: name, runtime: runtime, role: role, handler: Self.text(p["Handler"]),
                                                  code: try code(request, runtime: runtime))
        definition.description = Self.text(p["Description"]) ?? ""
        definition.timeout = Self.integer(p["Timeout"]) ?? FunctionConfiguration.defaultTimeout
        definition.memorySize = Self.integer(p["MemorySize"]) ?? FunctionConfiguration.defaultMemorySize
        if let variables = p["Environment"]?["Variables"]?.objectValue {
            definition.environment = JSONObject(variables.members.map { ($0.key, JSON.string(Self.text($0.value) ?? "")) })
        }
        if let architectures = p["Architectures"]?.arrayValue { definition.architectures = architectures.compactMap { Self.text($0) } }
        if let tags = p["Tags"]?.arrayValue {
            definition.tags = JSONObject(tags.compactMap { t in Self.text(t["Key"]).map { ($0, JSON.string(Self.text(t["Value"]) ?? "")) } })
        }
        return definition
    }

    /// The function's code archive: `ZipFile` as one file, or the uploaded artifact as it is.
    func code(_ request: ProvisionRequest, runtime: String?) throws -> FunctionStore.Code {
        let code = try required(request, "Code")
        if let zipFile = Self.text(code["ZipFile"]) {
            let file = (runtime ?? "").hasPrefix("python") ? "index.py" : "index.js"
            return .archive(CodeArchive(files: [.init(path: file, executable: false, bytes: Array(zipFile.utf8))]).bytes)
        }
        guard let bucket = Self.text(code["S3Bucket"]), let key = Self.text(code["S3Key"]) else {
            throw ProvisionFailure(message: "Please provide a source for function code.", service: "Lambda", statusCode: 400)
        }
        guard let blob = try account.objects.blob(bucket: bucket, key: key, in: db), let body = try BlobStore().bytes(blob.sha256, in: db) else {
            throw ProvisionFailure.service("Lambda", AWSError(code: "InvalidParameterValueException",
                message: "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist."))
        }
        guard CodeArchive.isArchive(body) else {
            throw ProvisionFailure.service("Lambda", AWSError(code: "InvalidParameterValueException",
                message: "Could not unzip uploaded file. Please check your file, then try to upload again."))
        }
        return .stored(blob)
    }

    /// Lambda asks IAM whether it may assume the role: it must exist and trust lambda.amazonaws.com.
    func roleAssumable(_ arn: String) throws -> Bool { try account.lambdaCanAssume(role: arn, in: db) }

    func addPermission(_ request: ProvisionRequest) throws -> ProvisionResult {
        guard let function = Self.text(try required(request, "FunctionName")), let action = Self.text(try required(request, "Action")),
              let principal = Self.text(try required(request, "Principal")) else {
            throw ProvisionFailure(message: "FunctionName, Action and Principal must be strings")
        }
        let name = function.hasPrefix("arn:") ? String(function.split(separator: ":").last ?? "") : function
        let sid = physicalName(request, suffix: account.ids.physicalSuffix())
        let statement = PermissionStatement.make(
            sid: sid, action: action, principal: principal,
            resource: ARN.lambdaFunction(name, region: account.region, account: account.accountId).description,
            sourceArn: Self.text(request.properties["SourceArn"]), sourceAccount: Self.text(request.properties["SourceAccount"]))
        if let error = try account.functions.addPermission(function: name, sid: sid, statement: statement, in: db) {
            throw ProvisionFailure.service("Lambda", error)
        }
        return ProvisionResult(physicalId: sid)
    }

    func removePermission(physicalId: String, properties: JSONObject) throws {
        guard let function = Self.text(properties["FunctionName"]) else { return }
        let name = function.hasPrefix("arn:") ? String(function.split(separator: ":").last ?? "") : function
        try account.functions.removePermission(function: name, sid: physicalId, in: db)
    }
}

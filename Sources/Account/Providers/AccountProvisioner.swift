import CloudFormation
import GRDB
import SimKit

/// CloudFormation's resource handlers for the types the simulator implements, bound to one
/// transaction of one account.
public struct AccountProvisioner: ResourceProvisioner {
    let account: Account
    let db: Database

    public init(account: Account, db: Database) {
        self.account = account
        self.db = db
    }

    /// The resource types this simulator deploys.
    public static let simulatedTypes: Set<String> = [
        "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::Lambda::Function", "AWS::Lambda::Permission",
        "AWS::DynamoDB::Table", "AWS::Logs::LogGroup",
    ]

    public func simulates(_ type: String) -> Bool { Self.simulatedTypes.contains(type) }

    public func create(_ request: ProvisionRequest) throws -> ProvisionResult {
        switch request.type {
        case "AWS::IAM::Role": try createRole(request)
        case "AWS::IAM::Policy": try putPolicy(request, physicalId: nil)
        case "AWS::Lambda::Function": try createFunction(request)
        case "AWS::Lambda::Permission": try addPermission(request)
        case "AWS::DynamoDB::Table": try createTable(request)
        case "AWS::Logs::LogGroup": try createLogGroup(request)
        default: throw WorkbookError.notSimulated(request.type, at: nil)
        }
    }

    public func update(_ request: ProvisionRequest, physicalId: String, previous: JSONObject) throws -> ProvisionResult {
        switch request.type {
        case "AWS::IAM::Role": try updateRole(request, physicalId: physicalId)
        case "AWS::IAM::Policy": try putPolicy(request, physicalId: physicalId, previous: previous)
        case "AWS::Lambda::Function": try updateFunction(request, physicalId: physicalId)
        case "AWS::DynamoDB::Table": try updateTable(request, physicalId: physicalId)
        case "AWS::Logs::LogGroup": try updateLogGroup(request, physicalId: physicalId)
        case "AWS::Lambda::Permission":
            // Every Permission property requires replacement; an in-place update keeps it.
            ProvisionResult(physicalId: physicalId)
        default: throw WorkbookError.notSimulated(request.type, at: nil)
        }
    }

    public func delete(type: String, physicalId: String, properties: JSONObject) throws {
        switch type {
        case "AWS::IAM::Role": try account.roles.delete(physicalId, in: db)
        case "AWS::IAM::Policy": try deletePolicy(physicalId: physicalId, properties: properties)
        case "AWS::Lambda::Function": try account.functions.delete(physicalId, in: db)
        case "AWS::Lambda::Permission": try removePermission(physicalId: physicalId, properties: properties)
        case "AWS::DynamoDB::Table": try account.tables.delete(physicalId, in: db)
        case "AWS::Logs::LogGroup": try account.logGroups.delete(physicalId, in: db)
        default: throw WorkbookError.notSimulated(type, at: nil)
        }
    }

    /// CloudFormation's generated physical name: `<stack>-<LogicalId>-<suffix>`, cut to `limit`
    /// characters by shortening the stack and logical-id parts.
    func physicalName(_ request: ProvisionRequest, suffix: String, limit: Int = 64) -> String {
        var stack = request.stackName
        var logical = request.logicalId
        while stack.count + logical.count + suffix.count + 2 > limit {
            if stack.count >= logical.count, stack.count > 1 { stack.removeLast() } else if logical.count > 1 { logical.removeLast() } else { break }
        }
        return "\(stack)-\(logical)-\(suffix)"
    }

    /// A required property, or the handler's validation failure naming it.
    func required(_ request: ProvisionRequest, _ key: String) throws -> JSON {
        guard let value = request.properties[key], !value.isNull else {
            throw ProvisionFailure(message: "Properties validation failed for resource \(request.logicalId) with message:\n#: required key [\(key)] not found",
                                   handlerErrorCode: "InvalidRequest")
        }
        return value
    }

    /// A property that must be text (CloudFormation stringifies numbers and booleans).
    static func text(_ value: JSON?) -> String? {
        switch value {
        case .string(let s): s
        case .int(let i): String(i)
        case .double(let d): JSON.double(d).serialized()
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }

    /// A property that must be an integer (CloudFormation accepts `"3"` as well as `3`).
    static func integer(_ value: JSON?) -> Int? {
        if let i = value?.intValue { return Int(i) }
        return value?.stringValue.flatMap { Int($0) }
    }
}

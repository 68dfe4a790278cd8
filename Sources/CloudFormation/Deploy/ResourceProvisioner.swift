import SimKit

/// What a resource provider (implemented in `Account`) is asked to do for one resource.
public struct ProvisionRequest: Sendable {
    public var stackName: String
    public var logicalId: String
    public var type: String
    /// Properties with every intrinsic resolved.
    public var properties: JSONObject

    public init(stackName: String, logicalId: String, type: String, properties: JSONObject) {
        self.stackName = stackName
        self.logicalId = logicalId
        self.type = type
        self.properties = properties
    }
}

/// A created or updated resource: its physical id (what `Ref` returns) and `Fn::GetAtt` attributes.
public struct ProvisionResult: Sendable, Equatable {
    public var physicalId: String
    public var attributes: JSONObject

    public init(physicalId: String, attributes: JSONObject = JSONObject()) {
        self.physicalId = physicalId
        self.attributes = attributes
    }
}

/// A resource handler's failure: `message` is the text CloudFormation shows inside
/// `Resource handler returned message: "…"`.
public struct ProvisionFailure: Error, Sendable, Equatable {
    public var message: String
    /// `HandlerErrorCode` (InvalidRequest, NotFound, AlreadyExists, GeneralServiceException…).
    public var handlerErrorCode: String
    /// The service's own error, when the failure came from a service call (formats the
    /// `(Service: Lambda, Status Code: 400, Request ID: …)` suffix).
    public var service: String?
    public var statusCode: Int?

    public init(message: String, handlerErrorCode: String = "InvalidRequest", service: String? = nil, statusCode: Int? = nil) {
        self.message = message
        self.handlerErrorCode = handlerErrorCode
        self.service = service
        self.statusCode = statusCode
    }

    /// A failure that came from a service call's `AWSError`.
    public static func service(_ name: String, _ error: AWSError) -> ProvisionFailure {
        let code = error.httpStatus == 404 ? "NotFound" : (error.httpStatus == 409 ? "AlreadyExists" : "InvalidRequest")
        return ProvisionFailure(message: error.message, handlerErrorCode: code, service: name, statusCode: error.httpStatus)
    }
}

/// Creates, updates and deletes the resources of one type family. `Account` implements it; the
/// deployer calls it inside the deploy's one transaction.
public protocol ResourceProvisioner {
    /// Whether the simulator implements `type`.
    func simulates(_ type: String) -> Bool
    func create(_ request: ProvisionRequest) throws -> ProvisionResult
    func update(_ request: ProvisionRequest, physicalId: String, previous: JSONObject) throws -> ProvisionResult
    func delete(type: String, physicalId: String, properties: JSONObject) throws
}

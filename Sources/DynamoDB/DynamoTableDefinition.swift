import SimKit

/// A table's key schema, attributes and billing, as CreateTable takes them.
public struct DynamoTableDefinition: Sendable, Equatable {
    public struct KeyElement: Sendable, Equatable {
        public var name: String
        public var keyType: String  // HASH | RANGE
        public init(name: String, keyType: String) {
            self.name = name
            self.keyType = keyType
        }
    }
    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var type: String  // S | N | B
        public init(name: String, type: String) {
            self.name = name
            self.type = type
        }
    }

    public var name: String
    public var keySchema: [KeyElement]
    public var attributes: [Attribute]
    public var billingMode: String  // PAY_PER_REQUEST | PROVISIONED
    public var readCapacity: Int64?
    public var writeCapacity: Int64?
    public var tags: [(key: String, value: String)]

    public init(name: String, keySchema: [KeyElement], attributes: [Attribute], billingMode: String,
                readCapacity: Int64? = nil, writeCapacity: Int64? = nil, tags: [(key: String, value: String)] = []) {
        self.name = name
        self.keySchema = keySchema
        self.attributes = attributes
        self.billingMode = billingMode
        self.readCapacity = readCapacity
        self.writeCapacity = writeCapacity
        self.tags = tags
    }

    public static func == (a: DynamoTableDefinition, b: DynamoTableDefinition) -> Bool {
        a.name == b.name && a.keySchema == b.keySchema && a.attributes == b.attributes && a.billingMode == b.billingMode
            && a.readCapacity == b.readCapacity && a.writeCapacity == b.writeCapacity
            && a.tags.map(\.key) == b.tags.map(\.key) && a.tags.map(\.value) == b.tags.map(\.value)
    }

    /// DynamoDB's own CreateTable validation, with its messages.
    public func validate() -> AWSError? {
        func invalid(_ m: String) -> AWSError {
            AWSError(code: "ValidationException", message: "One or more parameter values were invalid: " + m, httpStatus: 400)
        }
        let hashes = keySchema.filter { $0.keyType == "HASH" }
        if keySchema.isEmpty || keySchema.count > 2 || hashes.count != 1 || keySchema.first?.keyType != "HASH" {
            return AWSError(code: "ValidationException", message: "1 validation error detected: Value '\(keySchema.count)' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2", httpStatus: 400)
        }
        let defined = Set(attributes.map(\.name))
        let missing = keySchema.map(\.name).filter { !defined.contains($0) }
        if !missing.isEmpty {
            return invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: [\(missing.joined(separator: ", "))], AttributeDefinitions: [\(attributes.map(\.name).joined(separator: ", "))]")
        }
        if attributes.count != keySchema.count {
            return invalid("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")
        }
        for attribute in attributes where !["S", "N", "B"].contains(attribute.type) {
            return AWSError(code: "ValidationException", message: "1 validation error detected: Value '\(attribute.type)' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]", httpStatus: 400)
        }
        switch billingMode {
        case "PAY_PER_REQUEST":
            if readCapacity != nil || writeCapacity != nil {
                return invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")
            }
        case "PROVISIONED":
            if readCapacity == nil || writeCapacity == nil {
                return invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
            }
        default:
            return AWSError(code: "ValidationException", message: "1 validation error detected: Value '\(billingMode)' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]", httpStatus: 400)
        }
        if name.count < 3 || name.count > 255 || !name.allSatisfy({ $0.isLetter || $0.isNumber || "_.-".contains($0) }) {
            return AWSError(code: "ValidationException", message: "1 validation error detected: Value '\(name)' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+", httpStatus: 400)
        }
        return nil
    }
}

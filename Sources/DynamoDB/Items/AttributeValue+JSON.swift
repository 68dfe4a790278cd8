import SimKit

/// DynamoDB JSON (`{"S":"x"}`, `{"N":"1"}`, …) in and out, with DynamoDB's validation messages.
extension AttributeValue {
    static let wireTypes: Set<String> = ["S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M"]

    /// Parses and validates one wire value; errors are DynamoDB's own (see `DynamoDBValidation`).
    public init(dynamoJSON json: JSON) throws(AWSError) {
        guard case .object(let object) = json else {
            throw DynamoDBValidation.serialization(Self.shapeMessage(json, expected: "structure"))
        }
        // The usual value, one known non-null member, skips the filtering below (same result).
        if object.count == 1, let member = object.members.first, !member.value.isNull, Self.wireTypes.contains(member.key) {
            self = try Self.decode(type: member.key, member.value)
            return
        }
        // Unknown members are ignored and a JSON null counts as absent, as for any coral structure.
        let members = object.members.filter { Self.wireTypes.contains($0.key) && !$0.value.isNull }
        guard !members.isEmpty else {
            throw DynamoDBValidation.error(DynamoDBValidation.emptyAttributeValue)
        }
        var decoded: [AttributeValue] = []
        for member in members { decoded.append(try Self.decode(type: member.key, member.value)) }
        if members.count > 1 { throw DynamoDBValidation.error(DynamoDBValidation.moreThanOneDatatype) }
        self = decoded[0]
    }

    /// The wire form.
    public var dynamoJSON: JSON {
        switch self {
        case .s(let v): ["S": .string(v)]
        case .n(let v): ["N": .string(v.text)]
        case .b(let v): ["B": .string(Base64.encode(v))]
        case .bool(let v): ["BOOL": .bool(v)]
        case .null: ["NULL": true]
        case .ss(let v): ["SS": .array(v.map(JSON.string))]
        case .ns(let v): ["NS": .array(v.map { .string($0.text) })]
        case .bs(let v): ["BS": .array(v.map { .string(Base64.encode($0)) })]
        case .l(let v): ["L": .array(v.map(\.dynamoJSON))]
        case .m(let v): ["M": v.dynamoJSON]
        }
    }

    private static func decode(type: String, _ json: JSON) throws(AWSError) -> AttributeValue {
        switch type {
        case "S": return .s(try string(json, javaType: "String"))
        case "N": return .n(try number(try string(json, javaType: "String")))
        case "B": return .b(try binary(json))
        case "BOOL": return .bool(try boolean(json))
        case "NULL":
            guard try boolean(json) else { throw DynamoDBValidation.error(DynamoDBValidation.nullMustBeTrue) }
            return .null
        case "SS", "NS", "BS": return try decodeSet(type: type, json)
        case "L":
            guard case .array(let elements) = json else { throw DynamoDBValidation.serialization(shapeMessage(json, expected: "list")) }
            var values: [AttributeValue] = []
            for element in elements { values.append(try AttributeValue(dynamoJSON: element)) }
            return .l(values)
        default:
            return .m(try AttributeMap(dynamoJSON: json))
        }
    }

    private static func decodeSet(type: String, _ json: JSON) throws(AWSError) -> AttributeValue {
        guard case .array(let elements) = json else { throw DynamoDBValidation.serialization(shapeMessage(json, expected: "list")) }
        var texts: [String] = []
        for element in elements { texts.append(try string(element, javaType: type == "BS" ? "ByteBuffer" : "String")) }
        switch type {
        case "SS":
            if texts.isEmpty { throw DynamoDBValidation.error(DynamoDBValidation.emptyStringSet) }
            if Set(texts).count != texts.count { throw DynamoDBValidation.error(DynamoDBValidation.duplicateStrings(texts)) }
            return .ss(texts)
        case "NS":
            if texts.isEmpty { throw DynamoDBValidation.error(DynamoDBValidation.emptyNumberSet) }
            var numbers: [DynamoNumber] = []
            for text in texts { numbers.append(try number(text)) }
            if Set(numbers).count != numbers.count { throw DynamoDBValidation.error(DynamoDBValidation.duplicateNumbers) }
            return .ns(numbers)
        default:
            if texts.isEmpty { throw DynamoDBValidation.error(DynamoDBValidation.emptyBinarySet) }
            var blobs: [[UInt8]] = []
            for text in texts { blobs.append(try bytes(text)) }
            if Set(blobs).count != blobs.count { throw DynamoDBValidation.error(DynamoDBValidation.duplicateBinaries(texts)) }
            return .bs(blobs)
        }
    }

    /// Parses number text with DynamoDB's limits.
    static func number(_ text: String) throws(AWSError) -> DynamoNumber {
        do {
            return try DynamoNumber(parsing: text)
        } catch {
            throw DynamoDBValidation.error(DynamoDBValidation.message(for: error, text: text))
        }
    }

    private static func string(_ json: JSON, javaType: String) throws(AWSError) -> String {
        if case .string(let text) = json { return text }
        throw DynamoDBValidation.serialization(shapeMessage(json, expected: javaType))
    }

    private static func boolean(_ json: JSON) throws(AWSError) -> Bool {
        if case .bool(let value) = json { return value }
        throw DynamoDBValidation.serialization(shapeMessage(json, expected: "Boolean"))
    }

    private static func binary(_ json: JSON) throws(AWSError) -> [UInt8] {
        guard case .string(let text) = json else {
            if case .object = json { throw DynamoDBValidation.serialization("Start of structure or map found where not expected") }
            throw DynamoDBValidation.serialization("only base-64-encoded strings are convertible to bytes")
        }
        return try bytes(text)
    }

    /// Base64 as coral decodes it; texts from dynalite `validations/index.js` (the typo is DynamoDB's).
    private static func bytes(_ text: String) throws(AWSError) -> [UInt8] {
        if text.utf8.count % 4 != 0 {
            throw DynamoDBValidation.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: \(text.utf8.count)")
        }
        guard let decoded = Base64.decode(text) else {
            throw DynamoDBValidation.serialization("Invalid last non-pad Base64 character dectected")
        }
        return decoded
    }

    /// Jackson-style messages for a JSON value of the wrong shape (dynalite `validations/index.js`).
    private static func shapeMessage(_ json: JSON, expected: String) -> String {
        switch json {
        case .object: "Start of structure or map found where not expected"
        case .array: expected == "list" ? "Unexpected field type" : "Unrecognized collection type class java.lang.\(expected)"
        case .int: "NUMBER_VALUE cannot be converted to \(expected)"
        case .double: "DECIMAL_VALUE cannot be converted to \(expected)"
        case .bool(let value): "\(value ? "TRUE_VALUE" : "FALSE_VALUE") cannot be converted to \(expected)"
        case .string: expected == "structure" ? "Unexpected value type in payload" : "STRING_VALUE cannot be converted to \(expected)"
        case .null: "Unexpected value type in payload"
        }
    }
}

extension AttributeMap {
    /// Parses an item, key or `M` value: a JSON object of wire values.
    public init(dynamoJSON json: JSON) throws(AWSError) {
        guard case .object(let object) = json else {
            throw DynamoDBValidation.serialization(json.arrayValue != nil
                ? "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>"
                : "Unexpected field type")
        }
        var map = AttributeMap()
        for member in object { map[member.key] = try AttributeValue(dynamoJSON: member.value) }
        self = map
    }

    /// The wire form: an object of wire values in order.
    public var dynamoJSON: JSON {
        .object(JSONObject(members.map { ($0.name, $0.value.dynamoJSON) }))
    }
}

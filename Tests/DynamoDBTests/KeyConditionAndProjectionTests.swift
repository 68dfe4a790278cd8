import DynamoDB
import SimKit
import Testing

@Suite struct KeyConditionTests {
    static let hash = KeyCondition.KeyAttribute(name: "pk", type: "S")
    static let range = KeyCondition.KeyAttribute(name: "sk", type: "N")

    static func parse(_ text: String, range: KeyCondition.KeyAttribute? = KeyConditionTests.range) throws -> KeyCondition {
        var names = try attributes(names: ##"{"#k":"sk"}"##, values: """
            {":p":{"S":"a"},":one":{"N":"1"},":five":{"N":"5"},":ten":{"N":"10"},":s":{"S":"x"},":e":{"S":""}}
            """)
        let condition = try KeyCondition.parse(text, hash: hash, range: range, attributes: &names)
        _ = names.checkUnused()
        return condition
    }

    /// The sort-key operators of Query.KeyConditionExpressions.html, on numeric sort keys 1, 5, 10, 12.
    @Test(arguments: [
        ("pk = :p", [1, 5, 10, 12]), ("pk = :p AND sk = :five", [5]), ("pk = :p AND sk < :five", [1]),
        ("pk = :p AND sk <= :five", [1, 5]), ("pk = :p AND sk > :five", [10, 12]), ("pk = :p AND #k >= :ten", [10, 12]),
        ("pk = :p AND sk BETWEEN :one AND :ten", [1, 5, 10]), (":five > sk AND pk = :p", [1]), ("(pk = :p) AND (sk = :one)", [1]),
    ])
    func matchesSortKeys(expression: String, expected: [Int]) throws {
        let condition = try Self.parse(expression)
        let matched = [1, 5, 10, 12].filter {
            condition.matches(partition: .s("a"), sort: .n((try? DynamoNumber(parsing: String($0))) ?? .zero))
        }
        #expect(matched == expected)
        #expect(!condition.matches(partition: .s("b"), sort: .n(.zero)))
    }

    @Test func beginsWithIsBytewise() throws {
        var names = try attributes(values: #"{":p":{"S":"a"},":x":{"S":"ab"}}"#)
        let condition = try KeyCondition.parse("pk = :p AND begins_with(sk, :x)", hash: Self.hash,
                                               range: .init(name: "sk", type: "S"), attributes: &names)
        #expect(condition.matches(try item(#"{"pk":{"S":"a"},"sk":{"S":"abc"}}"#)))
        #expect(!condition.matches(try item(#"{"pk":{"S":"a"},"sk":{"S":"aB"}}"#)))
    }

    /// Sources: [C] dynamodb-conformance query.test.ts; [DL] dynalite validations/index.js checkExpr,
    /// actions/query.js and test/query.js; [R] aws-behavior.md §3.1.
    @Test(arguments: [
        ("", "Invalid KeyConditionExpression: The expression can not be empty;"),  // [C]
        ("sk = :one", "Query condition missed key schema element: pk"),  // [C]
        ("pk = :p OR sk = :one", "Invalid operator used in KeyConditionExpression: OR"),  // [DL]
        ("NOT pk = :p", "Invalid operator used in KeyConditionExpression: NOT"),
        ("pk IN (:p)", "Invalid operator used in KeyConditionExpression: IN"),
        ("pk <> :p", "Invalid operator used in KeyConditionExpression: <>"),
        ("pk = :p AND attribute_exists(sk)", "Invalid operator used in KeyConditionExpression: attribute_exists"),
        ("pk = :p AND contains(sk, :one)", "Invalid operator used in KeyConditionExpression: contains"),
        ("pk = :p AND size(sk) = :one", "KeyConditionExpressions cannot contain nested operations"),
        ("pk = :p AND :one BETWEEN sk AND :ten", "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand"),
        ("pk = sk", "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition"),
        ("pk = :p AND :one = :five", "Invalid condition in KeyConditionExpression: No key attribute specified"),
        ("pk.x = :p", "KeyConditionExpressions cannot have conditions on nested attributes"),
        ("pk = :p AND pk = :p", "KeyConditionExpressions must only contain one condition per key"),
        ("pk < :p", "Query key condition not supported"),
        ("pk = :p AND attr1 = :one", "Query condition missed key schema element: sk"),
        ("pk = :p AND sk = :s", "One or more parameter values were invalid: Condition parameter type does not match schema type"),
        ("pk = :p AND begins_with(sk, :one)", "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"),
        ("pk = :e", "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"),  // [R]
        ("pk = :p AND sk BETWEEN :ten AND :one", "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:10}, upper bound operand: AttributeValue: {N:1}"),
    ])
    func errors(expression: String, message: String) {
        #expect(awsMessage { _ = try Self.parse(expression) } == message)
    }

    @Test func hashOnlyTableRejectsExtraConditions() {
        #expect(awsMessage { _ = try Self.parse("pk = :p AND sk = :one", range: nil) } == "Query key condition not supported")
    }
}

@Suite struct ProjectionAndPlaceholderTests {
    @Test func projectsNestedPaths() throws {
        var names = try attributes(names: ##"{"#n":"name"}"##)
        let projection = try Projection.parse("#n, l[2], l[0], m.a.b, zz", attributes: &names)
        let source = try item(#"""
            {"ID":{"S":"1"},"name":{"S":"n"},"l":{"L":[{"N":"0"},{"N":"1"},{"N":"2"}]},"m":{"M":{"a":{"M":{"b":{"S":"x"},"c":{"S":"y"}}},"d":{"S":"z"}}}}
            """#)
        #expect(projection.apply(to: source).dynamoJSON.serialized()
            == #"{"name":{"S":"n"},"l":{"L":[{"N":"0"},{"N":"2"}]},"m":{"M":{"a":{"M":{"b":{"S":"x"}}}}}}"#)
    }

    /// [DL] projectionParser.pegjs, test/getItem.js; [C] getItem.test.ts for the syntax error.
    @Test(arguments: [
        ("!!", "Invalid ProjectionExpression: Syntax error; token: \"!\", near: \"!!\""),
        ("", "Invalid ProjectionExpression: The expression can not be empty;"),
        ("a, #zz", "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #zz"),
        ("name", "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name"),
        ("a.b, a", "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]"),
        ("a[0], a.b", "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [0]], path two: [a, b]"),
    ])
    func errors(expression: String, message: String) throws {
        var names = try attributes()
        #expect(awsMessage { _ = try Projection.parse(expression, attributes: &names) } == message)
    }

    /// [C] updateItem.test.ts / query.test.ts; [DL] validations/index.js validateExpressions.
    @Test func placeholderMaps() throws {
        var used = try attributes(names: ##"{"#a":"a","#unused":"b"}"##, values: #"{":v":{"S":"x"},":unused":{"S":"y"}}"#)
        _ = try ConditionExpression.parse("#a = :v", attributes: &used)
        #expect(used.checkUnused()?.message == "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}")
        var onlyValues = try attributes(values: #"{":v":{"S":"x"},":unused":{"S":"y"}}"#)
        _ = try ConditionExpression.parse("a = :v", attributes: &onlyValues)
        #expect(onlyValues.checkUnused()?.message == "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}")
        #expect(awsMessage { _ = try attributes(names: "{}") } == "ExpressionAttributeNames must not be empty")
        #expect(awsMessage { _ = try attributes(values: "{}") } == "ExpressionAttributeValues must not be empty")
        #expect(awsMessage { _ = try attributes(names: #"{"a":"b"}"#) } == "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"")
        #expect(awsMessage { _ = try attributes(values: #"{"b":{"S":"x"}}"#) } == "ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\"")
        #expect(awsMessage { _ = try attributes(values: #"{":b":{"SS":[]}}"#) }
            == "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :b")
    }
}

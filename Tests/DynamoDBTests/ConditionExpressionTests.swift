import DynamoDB
import SimKit
import Testing

@Suite struct ConditionExpressionTests {
    static let sample = #"""
        {"ID":{"S":"1"},"n":{"N":"5"},"s":{"S":"abcdef"},"b":{"B":"YWJj"},"flag":{"BOOL":true},"nothing":{"NULL":true},
         "tags":{"SS":["a","b"]},"nums":{"NS":["1","2"]},"lst":{"L":[{"S":"x"},{"M":{"c":{"N":"10"}}}]},
         "m":{"M":{"deep":{"M":{"k":{"S":"v"}}}}}}
        """#

    /// Operators and functions of the developer guide's comparison reference
    /// (Expressions.OperatorsAndFunctions.html), evaluated on one item.
    @Test(arguments: [
        ("n = :n", true), ("n <> :n", false), ("n < :ten", true), ("n <= :n", true), ("n > :ten", false), ("n >= :n", true),
        ("s = :n", false), ("s < :n", false), ("gone = :n", false), ("gone <> :n", true),
        ("n BETWEEN :one AND :ten", true), ("n between :ten and :ten", false), ("n IN (:one, :n)", true), ("n IN (:s)", false),
        ("s > :p", true), ("NOT n = :n", false), ("n = :n AND s = :s", true), ("n = :n OR s = :s", true),
        ("(n = :one OR n = :n) AND NOT (s = :s)", false), ("(n) = :n", true),
        ("attribute_exists(lst[1].c)", true), ("attribute_exists(lst[2])", false), ("attribute_not_exists(gone)", true),
        ("attribute_exists(m.deep.k)", true), ("attribute_exists(#f)", true),
        ("attribute_type(n, :t)", true), ("attribute_type(s, :t)", false),
        ("begins_with(s, :p)", true), ("begins_with(n, :p)", false), ("begins_with(b, :b)", true),
        ("contains(s, :p)", true), ("contains(tags, :a)", true), ("contains(nums, :one)", true), ("contains(lst, :x)", true),
        ("contains(tags, :s)", false),
        ("size(s) = :six", true), ("size(tags) < :n", true), ("size(lst) = :two", true), ("size(m) = :one", true),
        ("size(n) = :one", false), ("size(b) = :three", true), ("lst[1].c = :ten", true), ("m.deep.k = :v", true),
    ])
    func evaluates(expression: String, expected: Bool) throws {
        var names = try attributes(names: ##"{"#f":"flag"}"##, values: """
            {":n":{"N":"5"},":one":{"N":"1"},":two":{"N":"2"},":three":{"N":"3"},":six":{"N":"6"},":ten":{"N":"10"},
             ":s":{"S":"abcdef"},":p":{"S":"ab"},":a":{"S":"a"},":x":{"S":"x"},":t":{"S":"N"},":v":{"S":"v"},":b":{"B":"YQ=="}}
            """)
        let condition = try ConditionExpression.parse(expression, attributes: &names)
        #expect(condition.evaluate(try item(Self.sample)) == expected)
    }

    /// Parse-time errors. Sources: [C] dynamodb-conformance, [DL] dynalite tests/pegjs (recorded from
    /// DynamoDB), [M] moto, [GH] GitHub issues quoting AWS.
    @Test(arguments: [
        // [C] query.test.ts / updateItem.test.ts form
        ("", "Invalid ConditionExpression: The expression can not be empty;"),
        // [DL] conditionParser.pegjs checkReserved; [C] reservedWords.test.ts
        ("a.list[0] = :n", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: list"),
        ("status = :n", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status"),
        // [DL]; [C] query.test.ts (FilterExpression form)
        ("#nope = :n", "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #nope"),
        ("a = :nope", "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope"),
        // [DL] checkFunction
        ("bogus(a)", "Invalid ConditionExpression: Invalid function name; function: bogus"),
        ("attribute_exists(a, b)", "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2"),
        ("attribute_exists(:n)", "Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists"),
        ("begins_with(a, :n)", "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"),
        ("size(:n) = :n", "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N"),
        ("attribute_type(a, :n)", "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N"),
        ("attribute_type(a, :s)", "Invalid ConditionExpression: Invalid attribute type name found; type: abc, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"),
        ("a = a", "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]"),
        ("contains(a.b, a.b)", "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [a, b]"),
        ("attribute_exists(a) = :n", "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists"),
        ("size(a)", "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size"),
        ("((a = :n))", "Invalid ConditionExpression: The expression has redundant parentheses;"),
        ("a BETWEEN :n AND :s", "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {S:abc}"),
        ("a BETWEEN :ten AND :one", "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:10}, upper bound operand: AttributeValue: {N:1}"),
        // moto raise_unexpected_token; AWS form seen in aws/aws-cdk#7591 and dynamodb-conformance
        ("a x b", "Invalid ConditionExpression: Syntax error; token: \"x\", near: \"a x b\""),
        ("a = ", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \""),
        ("a = :n AND", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\""),
        ("a = : n", "Invalid ConditionExpression: Syntax error; token: \":\", near: \"= : n\""),
    ])
    func errors(expression: String, message: String) throws {
        var names = try attributes(values: standardValues)
        #expect(awsMessage { _ = try ConditionExpression.parse(expression, attributes: &names) } == message)
    }

    @Test func filterExpressionsNameTheirParameter() throws {
        var names = try attributes(values: standardValues)
        // [C] query.test.ts: "Invalid FilterExpression: An expression attribute name used in the document path is not defined; attribute name: #missing"
        #expect(awsMessage { _ = try ConditionExpression.parse("#missing = :n", kind: .filter, attributes: &names) }
            == "Invalid FilterExpression: An expression attribute name used in the document path is not defined; attribute name: #missing")
    }
}

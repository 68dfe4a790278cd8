import DynamoDB
import SimKit
import Testing

@Suite struct UpdateExpressionTests {
    static let sample = #"""
        {"ID":{"S":"1"},"n":{"N":"5"},"s":{"S":"x"},"tags":{"SS":["a","b"]},"nums":{"NS":["1","2"]},
         "lst":{"L":[{"S":"p"},{"S":"q"},{"S":"r"}]},"m":{"M":{"k":{"S":"v"}}}}
        """#

    /// Each action kind of the developer guide's Expressions.UpdateExpressions.html, applied to one item;
    /// `expected` lists the attributes that differ afterwards (absent ones as `null`).
    @Test(arguments: [
        ("SET n = :one", #"{"n":{"N":"1"}}"#),
        ("SET n = n + :one", #"{"n":{"N":"6"}}"#),
        ("SET n = n - :ten", #"{"n":{"N":"-5"}}"#),
        ("SET fresh = if_not_exists(fresh, :one)", #"{"fresh":{"N":"1"}}"#),
        ("SET n = if_not_exists(n, :one)", #"{}"#),
        ("SET lst = list_append(lst, :l)", #"{"lst":{"L":[{"S":"p"},{"S":"q"},{"S":"r"},{"S":"x"}]}}"#),
        ("SET lst = list_append(:l, lst)", #"{"lst":{"L":[{"S":"x"},{"S":"p"},{"S":"q"},{"S":"r"}]}}"#),
        ("SET lst[1] = :s", #"{"lst":{"L":[{"S":"p"},{"S":"abc"},{"S":"r"}]}}"#),
        ("SET lst[9] = :s", #"{"lst":{"L":[{"S":"p"},{"S":"q"},{"S":"r"},{"S":"abc"}]}}"#),
        ("SET m.k2 = :s, #c = :n", #"{"m":{"M":{"k":{"S":"v"},"k2":{"S":"abc"}}},"c":{"N":"5"}}"#),
        ("REMOVE s, m.k", #"{"s":null,"m":{"M":{}}}"#),
        ("REMOVE lst[0], lst[2]", #"{"lst":{"L":[{"S":"q"}]}}"#),
        ("REMOVE gone", #"{}"#),
        ("ADD n :ten", #"{"n":{"N":"15"}}"#),
        ("ADD fresh :ten", #"{"fresh":{"N":"10"}}"#),
        ("ADD tags :ss", #"{"tags":{"SS":["a","b"]}}"#),
        ("ADD nums :ns3", #"{"nums":{"NS":["1","2","3"]}}"#),
        ("DELETE tags :ss", #"{"tags":{"SS":["b"]}}"#),
        ("DELETE nums :ns", #"{"nums":null}"#),
        ("set n = :one remove s add nums :ns3 delete tags :ss",
         #"{"n":{"N":"1"},"s":null,"nums":{"NS":["1","2","3"]},"tags":{"SS":["b"]}}"#),
    ])
    func applies(expression: String, expected: String) throws {
        var names = try attributes(names: ##"{"#c":"c"}"##, values: """
            {":one":{"N":"1"},":ten":{"N":"10"},":n":{"N":"5"},":s":{"S":"abc"},":l":{"L":[{"S":"x"}]},
             ":ss":{"SS":["a"]},":ns":{"NS":["1","2"]},":ns3":{"NS":["3"]}}
            """)
        let update = try UpdateExpression.parse(expression, attributes: &names)
        let before = try item(Self.sample)
        var after = before
        for member in try JSONParser.parse(expected).objectValue ?? JSONObject() {
            after[member.key] = member.value.isNull ? nil : try AttributeValue(dynamoJSON: member.value)
        }
        let result = try update.apply(to: before)
        #expect(result.item == after)
        #expect(result.item.names.filter { after[$0] != nil } == result.item.names)
    }

    /// Parse-time errors; sources as in `ConditionExpressionTests`.
    @Test(arguments: [
        // [C] updateItem.test.ts
        ("", "Invalid UpdateExpression: The expression can not be empty;"),
        ("INVALID SYNTAX HERE", "Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\""),
        ("SET a = :v", "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :v"),
        // [GH] aws/aws-cdk#7591 (real AWS)
        ("ADD hits : incr", "Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\""),
        // [DL] updateItem.js tests
        ("SET a = :n SET b = :n", "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;"),
        ("remove a set b = :n remove c", "Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;"),
        (" remove Absolute ", "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: Absolute"),
        ("SET a = bogus(b)", "Invalid UpdateExpression: Invalid function name; function: bogus"),
        ("SET #zz = :n", "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #zz"),
        ("SET a = if_not_exists(b)", "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1"),
        ("SET a = if_not_exists(:n, b)", "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists"),
        ("SET a = list_append(:s, a)", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S"),
        ("SET a = a + :s", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S"),
        ("SET a = a - :l", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: -, operand type: L"),
        ("ADD a :s", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING"),
        ("DELETE a :n", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER"),
        ("ADD a :l", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: LIST"),
        // [DL]; brief's example; [M] DuplicateUpdateExpression
        ("SET a = :n REMOVE a.b", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]"),
        ("SET a = :n, a = :n", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"),
        ("remove a.c set a[1] = :n", "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, c], path two: [a, [1]]"),
        ("SET a = b + c + d", "Invalid UpdateExpression: Syntax error; token: \"+\", near: \"c + d\""),
    ])
    func errors(expression: String, message: String) throws {
        var names = try attributes(values: standardValues)
        #expect(awsMessage { _ = try UpdateExpression.parse(expression, attributes: &names) } == message)
    }

    /// Errors that depend on the item (dynalite `actions/updateItem.js`; [M] `IncorrectDataType`,
    /// `AttributeDoesNotExist`, `InvalidUpdateExpressionInvalidDocumentPath`).
    @Test(arguments: [
        ("SET x = gone", "The provided expression refers to an attribute that does not exist in the item"),
        ("SET x = s + :n", "An operand in the update expression has an incorrect data type"),
        ("SET x = list_append(s, :l)", "An operand in the update expression has an incorrect data type"),
        ("ADD s :n", "An operand in the update expression has an incorrect data type"),
        ("DELETE tags :ns", "An operand in the update expression has an incorrect data type"),
        ("SET n = n + :huge", "Attempting to store more than 38 significant digits in a Number"),
        ("SET gone.k = :n", "The document path provided in the update expression is invalid for update"),
        ("SET s[0] = :n", "The document path provided in the update expression is invalid for update"),
        ("SET n = :huge + :huge", "Number overflow. Attempting to store a number with magnitude larger than supported range"),
    ])
    func runtimeErrors(expression: String, message: String) throws {
        var names = try attributes(values: #"""
            {":n":{"N":"5"},":l":{"L":[]},":ns":{"NS":["1"]},":huge":{"N":"9.9999999999999999999999999999999999999E+125"}}
            """#)
        let update = try UpdateExpression.parse(expression, attributes: &names)
        let before = try item(Self.sample)
        #expect(awsMessage { _ = try update.apply(to: before) } == message)
    }

    @Test func returnValuesAndKeyChecks() throws {
        var names = try attributes(values: #"{":one":{"N":"1"}}"#)
        let update = try UpdateExpression.parse("SET n = n + :one, m.k = :one REMOVE s", attributes: &names)
        let result = try update.apply(to: try item(Self.sample))
        #expect(result.updatedOld == (try item(#"{"n":{"N":"5"},"s":{"S":"x"},"m":{"M":{"k":{"S":"v"}}}}"#)))
        #expect(result.updatedNew == (try item(#"{"n":{"N":"6"},"m":{"M":{"k":{"N":"1"}}}}"#)))
        // [C] updateItem.test.ts
        var keyNames = try attributes(values: #"{":v":{"S":"x"}}"#)
        #expect(try UpdateExpression.parse("SET pk = :v", attributes: &keyNames).keyAttributeError(keyNames: ["pk"])?.message
            == "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key")
    }
}

import DynamoDB
import SimKit
import Testing

@Suite struct AttributeValueTests {
    /// Round trips and number normalisation (dynamodb-conformance `numberPrecision.test.ts`:
    /// leading/trailing zeros stripped, `1.5E2` → `150`, `-0` → `0`).
    @Test(arguments: [
        (#"{"S":"x"}"#, #"{"S":"x"}"#), (#"{"S":""}"#, #"{"S":""}"#),
        (#"{"N":"00042"}"#, #"{"N":"42"}"#), (#"{"N":"3.1400"}"#, #"{"N":"3.14"}"#),
        (#"{"N":"1.5E2"}"#, #"{"N":"150"}"#), (#"{"N":"-0"}"#, #"{"N":"0"}"#), (#"{"N":"1E-3"}"#, #"{"N":"0.001"}"#),
        (#"{"N":"-12.5e1"}"#, #"{"N":"-125"}"#), (#"{"B":"YQ=="}"#, #"{"B":"YQ=="}"#), (#"{"B":""}"#, #"{"B":""}"#),
        (#"{"BOOL":false}"#, #"{"BOOL":false}"#), (#"{"NULL":true}"#, #"{"NULL":true}"#),
        (#"{"SS":["a","b"]}"#, #"{"SS":["a","b"]}"#), (#"{"NS":["1","2.50"]}"#, #"{"NS":["1","2.5"]}"#),
        (#"{"BS":["YQ==","Yg=="]}"#, #"{"BS":["YQ==","Yg=="]}"#),
        (#"{"L":[{"S":"x"},{"N":"1.5"}]}"#, #"{"L":[{"S":"x"},{"N":"1.5"}]}"#),
        (#"{"M":{"k":{"L":[]},"a":{"M":{}}}}"#, #"{"M":{"k":{"L":[]},"a":{"M":{}}}}"#),
    ])
    func roundTrip(input: String, output: String) throws {
        #expect(try value(input).dynamoJSON.serialized() == output)
        // The stored text, written without the JSON tree, is the same characters.
        let item: AttributeMap = ["k\"\n": try value(input), "b": .s("q\"\\\u{1}é")]
        #expect(item.storedText == item.dynamoJSON.serialized())
    }

    /// Every validation text with its source (see `DynamoDBValidation` for the key).
    @Test(arguments: [
        // [DL] validateAttributeValue
        (#"{}"#, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
        // [DL], [M]
        (#"{"S":"a","N":"1"}"#, "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"),
        // [C] putItem.test.ts
        (#"{"NULL":false}"#, "One or more parameter values were invalid: Null attribute value types must have the value of true"),
        // [C] putItem.test.ts (double space is real)
        (#"{"SS":[]}"#, "One or more parameter values were invalid: An string set  may not be empty"),
        (#"{"NS":[]}"#, "One or more parameter values were invalid: An number set  may not be empty"),
        // [C] emptyValues.test.ts
        (#"{"BS":[]}"#, "One or more parameter values were invalid: Binary sets should not be empty"),
        (#"{"M":{"x":{"SS":[]}}}"#, "One or more parameter values were invalid: An string set  may not be empty"),
        (#"{"L":[{"NS":[]}]}"#, "One or more parameter values were invalid: An number set  may not be empty"),
        // [C] putItem.test.ts
        (#"{"SS":["a","a"]}"#, "One or more parameter values were invalid: Input collection [a, a] contains duplicates."),
        // [DL] only
        (#"{"NS":["1","1.0"]}"#, "Input collection contains duplicates"),
        (#"{"BS":["YQ==","YQ=="]}"#, "One or more parameter values were invalid: Input collection [YQ==, YQ==]of type BS contains duplicates."),
        // [DL] checkNum; [M] _validate_number_type
        (#"{"N":""}"#, "The parameter cannot be converted to a numeric value"),
        (#"{"N":"abc"}"#, "The parameter cannot be converted to a numeric value: abc"),
        (#"{"N":" 1"}"#, "The parameter cannot be converted to a numeric value:  1"),
        (#"{"N":"1E+126"}"#, "Number overflow. Attempting to store a number with magnitude larger than supported range"),
        (#"{"N":"-1E+126"}"#, "Number overflow. Attempting to store a number with magnitude larger than supported range"),
        (#"{"N":"1E-131"}"#, "Number underflow. Attempting to store a number with magnitude smaller than supported range"),
        (#"{"N":"123456789012345678901234567890123456789"}"#, "Attempting to store more than 38 significant digits in a Number"),
    ])
    func validationMessages(input: String, message: String) throws {
        #expect(awsMessage { _ = try value(input) } == message)
    }

    /// Limits that must pass (dynamodb-conformance `numberPrecision.test.ts`).
    @Test(arguments: ["9.9999999999999999999999999999999999999E+125", "-9.9999999999999999999999999999999999999E+125",
                      "1E-130", "12345678901234567890123456789012345678", "1000000000000000000000000000000000000000"])
    func numberLimitsAccepted(text: String) throws {
        _ = try DynamoNumber(parsing: text)
    }

    @Test func serializationShapes() throws {
        let error = #expect(throws: AWSError.self) { try value(#"{"S":1}"#) }
        #expect(error?.code == "SerializationException")
        #expect(error?.message == "NUMBER_VALUE cannot be converted to String")
        #expect(awsMessage { _ = try value(#"{"B":"YQ="}"#) } == "Base64 encoded length is expected a multiple of 4 bytes but found: 3")
    }

    @Test func numbersCompareAndAddExactly() throws {
        let a = try DynamoNumber(parsing: "0.1"), b = try DynamoNumber(parsing: "0.2")
        #expect((a + b).text == "0.3")
        #expect((a - b).text == "-0.1")
        #expect(try DynamoNumber(parsing: "100") == DynamoNumber(parsing: "1E2"))
        #expect(try DynamoNumber(parsing: "-5") < DynamoNumber(parsing: "-4.99"))
        #expect(try DynamoNumber(parsing: "99999999999999999999") + DynamoNumber(parsing: "1") == DynamoNumber(parsing: "1E20"))
    }

    @Test func orderingIsBytewiseForStringsAndBinaries() {
        #expect(AttributeValue.order(.s("Z"), .s("a")) == -1)
        #expect(AttributeValue.order(.s("é"), .s("z")) == 1)  // UTF-8 0xC3 sorts after 'z'
        #expect(AttributeValue.order(.b([0x7f]), .b([0x80])) == -1)
        #expect(AttributeValue.order(.s("1"), .n(.zero)) == nil)
    }

    /// Sizes from the developer guide's rules (CapacityUnitCalculations.html) and dynalite's number formula.
    @Test func itemSize() throws {
        #expect(ItemSize.of(try item(#"{"ab":{"S":"héllo"}}"#)) == 2 + 6)
        #expect(ItemSize.of(try item(#"{"a":{"L":[{"BOOL":true},{"NULL":true}]}}"#)) == 1 + 3 + 2 + 2)
        #expect(ItemSize.of(try item(#"{"a":{"M":{"k":{"S":"v"}}}}"#)) == 1 + 3 + 1 + 1 + 1)
        #expect(ItemSize.of(try value(#"{"N":"0"}"#)) == 1)
        #expect(ItemSize.of(try value(#"{"N":"123"}"#)) == 3)
        let big = AttributeMap([("ID", .s("1")), ("blob", .s(String(repeating: "x", count: 409_600)))])
        #expect(ItemSize.check(big)?.message == "Item size has exceeded the maximum allowed size")
        #expect(ItemSize.check(try item(#"{"ID":{"S":"1"}}"#)) == nil)
    }
}

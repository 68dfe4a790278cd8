import DynamoDB
import SimKit

/// An item from DynamoDB JSON text, e.g. `{"a":{"N":"1"}}`.
func item(_ text: String) throws -> AttributeMap {
    try AttributeMap(dynamoJSON: try JSONParser.parse(text))
}

/// A value from DynamoDB JSON text, e.g. `{"S":"x"}`.
func value(_ text: String) throws -> AttributeValue {
    try AttributeValue(dynamoJSON: try JSONParser.parse(text))
}

/// The message of the AWSError `body` throws, or nil when it succeeds.
func awsMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as AWSError {
        return error.message
    } catch {
        return "unexpected \(error)"
    }
}

/// Placeholders from DynamoDB JSON text for names and values.
func attributes(names: String = "null", values: String = "null") throws -> ExpressionAttributes {
    try ExpressionAttributes.parse(names: try JSONParser.parse(names), values: try JSONParser.parse(values))
}

/// Values `:s` "abc", `:n` 5, `:one` 1, `:ten` 10, `:l` ["x"], `:ss` {"a"}, `:ns` {1, 2}, `:t` "N", `:b` "YQ==".
let standardValues = """
    {":s":{"S":"abc"},":n":{"N":"5"},":one":{"N":"1"},":ten":{"N":"10"},":l":{"L":[{"S":"x"}]},
     ":ss":{"SS":["a"]},":ns":{"NS":["1","2"]},":t":{"S":"N"},":b":{"B":"YQ=="},":p":{"S":"ab"}}
    """

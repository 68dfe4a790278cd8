// Expected values captured from the installed awscli 1.45.11 / Python 3.11 (v2 reads
// parameters with the same shorthand grammar and `json.loads`): `ShorthandParser().parse` +
// `BackCompatVisitor().visit(parsed, <botocore input shape>)` dumped with `json.dumps`, and
// `str(JSONDecodeError)` for bad JSON. Regenerate rather than hand-edit.

/// Recorded parameter parsing results.
enum ParameterFixtures {
    static let shorthand: [(shape: String, values: [String], result: String)] = [
        ("attributeDefinitions", ["AttributeName=ID,AttributeType=S", "AttributeName=X,AttributeType=N"], "[{\"AttributeName\": \"ID\", \"AttributeType\": \"S\"}, {\"AttributeName\": \"X\", \"AttributeType\": \"N\"}]"),
        ("throttle", ["burstLimit=10,rateLimit=5"], "{\"burstLimit\": 10, \"rateLimit\": 5.0}"),
        ("environment", ["Variables={DatabaseTable=Items,Stage=prod}"], "{\"Variables\": {\"DatabaseTable\": \"Items\", \"Stage\": \"prod\"}}"),
        ("environment", ["Variables={Q='a,b',R=\"x \\\" y\"}"], "{\"Variables\": {\"Q\": \"a,b\", \"R\": \"x \\\" y\"}}"),
        ("apiStages", ["apiId=ak0jl0luzo,stage=prod,throttle={GET/items={burstLimit=1,rateLimit=2.5}}"], "[{\"apiId\": \"ak0jl0luzo\", \"stage\": \"prod\", \"throttle\": {\"GET/items\": {\"burstLimit\": 1, \"rateLimit\": 2.5}}}]"),
        ("throttle", ["burstLimit = 10 , rateLimit=5"], "{\"burstLimit\": 10, \"rateLimit\": 5.0}"),
        ("environment", ["Variables={A=[x,y]}"], "{\"Variables\": {\"A\": [\"x\", \"y\"]}}"),
    ]
    static let jsonDecode: [(input: String, result: String)] = [
        ("{\"ID\":{\"S\":\"1\"}", "Expecting ',' delimiter: line 1 column 16 (char 15)"),
        ("{\"ID\" {\"S\":\"1\"}}", "Expecting ':' delimiter: line 1 column 7 (char 6)"),
        ("{ID:1}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ("", "Expecting value: line 1 column 1 (char 0)"),
        ("   ", "Expecting value: line 1 column 4 (char 3)"),
        ("{\"a\":}", "Expecting value: line 1 column 6 (char 5)"),
        ("[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"),
        ("{\"a\":\"b\\q\"}", "Invalid \\escape: line 1 column 8 (char 7)"),
        ("{\"a\":\"b", "Unterminated string starting at: line 1 column 6 (char 5)"),
        ("{\"a\":1} x", "Extra data: line 1 column 9 (char 8)"),
        ("{\"a\":\"\\u12\"}", "Invalid \\uXXXX escape: line 1 column 8 (char 7)"),
        ("{\"a\":\"x\ty\"}", "Invalid control character at: line 1 column 8 (char 7)"),
        ("[", "Expecting value: line 1 column 2 (char 1)"),
        ("{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ("nul", "Expecting value: line 1 column 1 (char 0)"),
        ("{\"a\":1}\n\n{", "Extra data: line 3 column 1 (char 9)"),
        ("-", "Expecting value: line 1 column 1 (char 0)"),
        ("01", "Extra data: line 1 column 2 (char 1)"),
        ("{\"a\":[1,\n2,,3]}", "Expecting value: line 2 column 3 (char 11)"),
        ("{\"a\": NaN, \"b\": -Infinity, \"c\": 1e3, \"d\": 1.5E-2, \"e\": -0}", "OK:{\"a\": NaN, \"b\": -Infinity, \"c\": 1000.0, \"d\": 0.015, \"e\": 0}"),
    ]
}

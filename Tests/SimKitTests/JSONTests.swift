import SimKit
import Testing

@Suite struct JSONTests {
    @Test func keepsKeyOrderThroughParseAndWrite() throws {
        let text = #"{"b":1,"a":[true,null,"x"],"c":{"z":1.5,"y":-2}}"#
        let json = try JSONParser.parse(text)
        #expect(json.objectValue?.keys == ["b", "a", "c"])
        #expect(json.serialized() == text)
    }

    @Test func pythonIndentMatchesTheAwsCli() throws {
        let json: JSON = ["TableName": "Items", "KeySchema": [["AttributeName": "ID", "KeyType": "HASH"]], "Empty": [], "Obj": [:],
                          "Rate": .double(5)]
        #expect(json.serialized(.python(indent: 4)) == """
            {
                "TableName": "Items",
                "KeySchema": [
                    {
                        "AttributeName": "ID",
                        "KeyType": "HASH"
                    }
                ],
                "Empty": [],
                "Obj": {},
                "Rate": 5.0
            }
            """)
    }

    @Test func escapesLikeJavaScriptAndKeepsUnicode() {
        let json: JSON = .string("a\"b\\c/d\n\u{01}한")
        #expect(json.serialized() == #""a\"b\\c/d\n\u0001한""#)
    }

    @Test func inlinePythonStyleHasSpaces() {
        let json: JSON = ["a": 1, "b": ["CAPABILITY_IAM"]]
        #expect(json.serialized(.pythonInline) == #"{"a": 1, "b": ["CAPABILITY_IAM"]}"#)
    }

    @Test func numbersKeepTheirKind() throws {
        #expect(try JSONParser.parse("3") == .int(3))
        #expect(try JSONParser.parse("3.25") == .double(3.25))
        #expect(try JSONParser.parse("1e3") == .double(1000))
        #expect(JSON.double(1795631024.059).serialized() == "1795631024.059")
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test(arguments: [
        (#"{"a":1,}"#, 1, 8), ("[1 2]", 1, 4), ("{\n  \"a\": tru\n}", 2, 8), (#""abc"#, 1, 5), ("{} x", 1, 4),
    ])
    func reportsWhereItFailed(text: String, line: Int, column: Int) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }
}

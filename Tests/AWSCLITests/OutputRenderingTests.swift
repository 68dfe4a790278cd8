import SimKit
import Testing

@testable import AWSCLI

/// `--output json|text|table` against transcripts and the real formatters' recorded output.
struct OutputRenderingTests {
    private static let fixtures: [(name: String, input: String, operation: String, text: String, table: String)] = [
        ("createTable", FormatterFixtures.createTableInput, FormatterFixtures.createTableOperation,
         FormatterFixtures.createTableText, FormatterFixtures.createTableTable),
        ("scan", FormatterFixtures.scanInput, FormatterFixtures.scanOperation,
         FormatterFixtures.scanText, FormatterFixtures.scanTable),
        ("logEvents", FormatterFixtures.logEventsInput, FormatterFixtures.logEventsOperation,
         FormatterFixtures.logEventsText, FormatterFixtures.logEventsTable),
        ("usagePlan", FormatterFixtures.usagePlanInput, FormatterFixtures.usagePlanOperation,
         FormatterFixtures.usagePlanText, FormatterFixtures.usagePlanTable),
        ("unicodeItem", FormatterFixtures.unicodeItemInput, FormatterFixtures.unicodeItemOperation,
         FormatterFixtures.unicodeItemText, FormatterFixtures.unicodeItemTable),
        ("stacks", FormatterFixtures.stacksInput, FormatterFixtures.stacksOperation,
         FormatterFixtures.stacksText, FormatterFixtures.stacksTable),
        ("scalarList", FormatterFixtures.scalarListInput, FormatterFixtures.scalarListOperation,
         FormatterFixtures.scalarListText, FormatterFixtures.scalarListTable),
        ("mixed", FormatterFixtures.mixedInput, FormatterFixtures.mixedOperation,
         FormatterFixtures.mixedText, FormatterFixtures.mixedTable),
        ("ragged", FormatterFixtures.raggedInput, FormatterFixtures.raggedOperation,
         FormatterFixtures.raggedText, FormatterFixtures.raggedTable),
    ]

    private static func render(_ input: String, _ operation: String, _ format: OutputFormat) throws -> String {
        try CLIOutput.render(try JSONParser.parse(input), operation: operation, options: OutputOptions(format: format))
    }

    @Test(arguments: fixtures.map(\.name))
    func textMatchesAwsCLI(name: String) throws {
        let fixture = try #require(Self.fixtures.first { $0.name == name })
        #expect(try Self.render(fixture.input, fixture.operation, .text) == fixture.text)
    }

    @Test(arguments: fixtures.map(\.name))
    func tableMatchesAwsCLI(name: String) throws {
        let fixture = try #require(Self.fixtures.first { $0.name == name })
        if fixture.table.hasPrefix("ERROR:") {
            let expected = CLIFailure.general(String(fixture.table.dropFirst("ERROR:".count)))
            #expect(throws: expected) { try Self.render(fixture.input, fixture.operation, .table) }
        } else {
            #expect(try Self.render(fixture.input, fixture.operation, .table) == fixture.table)
        }
    }

    /// The create-table block of cli-transcripts.md §2.1, byte for byte.
    @Test func jsonRoundTripsTheCreateTableTranscript() throws {
        let transcript = """
            {
                "TableDescription": {
                    "AttributeDefinitions": [
                        {
                            "AttributeName": "ID",
                            "AttributeType": "S"
                        }
                    ],
                    "TableName": "Items",
                    "KeySchema": [
                        {
                            "AttributeName": "ID",
                            "KeyType": "HASH"
                        }
                    ],
                    "TableStatus": "ACTIVE",
                    "CreationDateTime": 1795631024.059,
                    "ProvisionedThroughput": {
                        "NumberOfDecreasesToday": 0,
                        "ReadCapacityUnits": 0,
                        "WriteCapacityUnits": 0
                    },
                    "TableSizeBytes": 0,
                    "ItemCount": 0,
                    "TableArn": "arn:aws:dynamodb:ap-northeast-2:123456789012:table/Items",
                    "BillingModeSummary": {
                        "BillingMode": "PAY_PER_REQUEST"
                    },
                    "LocalSecondaryIndexes": [],
                    "GlobalSecondaryIndexes": [],
                    "DeletionProtectionEnabled": false,
                    "WarmThroughput": {
                        "ReadUnitsPerSecond": 12000,
                        "WriteUnitsPerSecond": 4000,
                        "Status": "ACTIVE"
                    }
                }
            }

            """
        let value = try JSONParser.parse(transcript)
        #expect(try CLIOutput.render(value, operation: "CreateTable", options: OutputOptions()) == transcript)
    }

    /// §2.1: unicode, escaped quotes and `/` as the CLI prints them; §2.3 `5.0` for doubles.
    @Test func jsonKeepsUnicodeAndPythonFloats() throws {
        let item: JSON = ["Item": ["note": ["S": "안녕 – \"quoted\" / slash"]], "rate": .double(5)]
        let expected = """
            {
                "Item": {
                    "note": {
                        "S": "안녕 – \\"quoted\\" / slash"
                    }
                },
                "rate": 5.0
            }

            """
        #expect(CLIOutput.json(item) == expected)
    }

    @Test func emptyObjectPrintsNothingButOtherEmptyValuesPrint() throws {
        #expect(try CLIOutput.render([:], operation: "PutItem", options: OutputOptions()) == "")
        #expect(CLIOutput.json([]) == "[]\n")
        #expect(CLIOutput.json(.null) == "null\n")
        #expect(try CLIOutput.render([:], operation: "PutItem", options: OutputOptions(format: .table)) == "")
        #expect(try CLIOutput.render([:], operation: "PutItem", options: OutputOptions(format: .text)) == "")
    }

    @Test func queryIsAppliedBeforeEveryFormat() throws {
        let response = try JSONParser.parse(FormatterFixtures.stacksInput)
        let query = "Stacks[0].Outputs[?OutputKey=='ApiUrl'].OutputValue | [0]"
        let url = "https://abc.execute-api.ap-northeast-2.amazonaws.com/Prod/"
        #expect(try CLIOutput.render(response, operation: "DescribeStacks",
                                     options: OutputOptions(format: .text, query: query)) == url + "\n")
        #expect(try CLIOutput.render(response, operation: "DescribeStacks",
                                     options: OutputOptions(query: query)) == "\"\(url)\"\n")
        #expect(try CLIOutput.render(response, operation: "DescribeStacks",
                                     options: OutputOptions(format: .text, query: "Stacks[0].Nope")) == "None\n")
    }

    @Test func wideTerminalKeepsSingleRowSectionsHorizontal() throws {
        let response = try JSONParser.parse(FormatterFixtures.createTableInput)
        let wide = try CLIOutput.render(response, operation: "CreateTable",
                                        options: OutputOptions(format: .table, terminalWidth: 200))
        #expect(wide == FormatterFixtures.createTableTableWide200)
    }
}

import Foundation
import SimKit
import Testing
import TestSupport

/// `workbook aws dynamodb …` against cli-transcripts.md §2.1–2.2 (aws CLI against moto). Masked
/// or adjusted only where the transcript names moto: CreationDateTime (v2 prints ISO 8601, the
/// account's clock), TableStatus CREATING and TableId (real AWS), no empty LSI/GSI lists (real AWS).
@Suite struct DynamoDBCLITests {
    static let createTable = ["dynamodb", "create-table", "--table-name", "Items", "--attribute-definitions", "AttributeName=ID,AttributeType=S",
                              "--key-schema", "AttributeName=ID,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST"]

    /// The table of §2.1 with its two items.
    static func itemsTable() throws -> Sandbox {
        let box = try Sandbox(sample: false)
        _ = try box.aws(createTable)
        _ = try box.aws(["dynamodb", "put-item", "--table-name", "Items", "--item",
                         #"{"ID":{"S":"4711"},"created":{"S":"20240501-120000"},"metadata":{"S":"{\"Metadata\":\"Hello\"}"}}"#])
        _ = try box.aws(["dynamodb", "put-item", "--table-name", "Items", "--item", #"{"ID":{"S":"42"},"count":{"N":"4"}}"#])
        return box
    }

    static func description(_ key: String, status: String, itemCount: Int, size: Int) -> String {
        """
        {
            "\(key)": {
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
                "TableStatus": "\(status)",
                "CreationDateTime": "2026-11-01T09:00:00+00:00",
                "ProvisionedThroughput": {
                    "NumberOfDecreasesToday": 0,
                    "ReadCapacityUnits": 0,
                    "WriteCapacityUnits": 0
                },
                "TableSizeBytes": \(size),
                "ItemCount": \(itemCount),
                "TableArn": "arn:aws:dynamodb:ap-northeast-2:123456789012:table/Items",
                "TableId": "<uuid>",
                "BillingModeSummary": {
                    "BillingMode": "PAY_PER_REQUEST"
                },
                "DeletionProtectionEnabled": false,
                "WarmThroughput": {
                    "ReadUnitsPerSecond": 12000,
                    "WriteUnitsPerSecond": 4000,
                    "Status": "ACTIVE"
                }
            }
        }

        """
    }

    static func masked(_ text: String) -> String {
        text.replacing(/"TableId": "[0-9a-f-]{36}"/, with: #""TableId": "<uuid>""#)
    }

    @Test func createAndDescribeTable() throws {
        let box = try Sandbox(sample: false)
        let created = try box.aws(Self.createTable)
        #expect(created.exitCode == 0)
        #expect(Self.masked(created.stdout) == Self.description("TableDescription", status: "CREATING", itemCount: 0, size: 0))
        let described = try box.aws(["dynamodb", "describe-table", "--table-name", "Items"])
        #expect(Self.masked(described.stdout) == Self.description("Table", status: "ACTIVE", itemCount: 0, size: 0))
    }

    @Test func putItemPrintsNothingOrWhatWasAskedFor() throws {
        let box = try Self.itemsTable()
        let plain = try box.aws(["dynamodb", "put-item", "--table-name", "Items", "--item", #"{"ID":{"S":"k1"}}"#])
        #expect(plain.exitCode == 0 && plain.stdout.isEmpty && plain.stderr.isEmpty)
        let item = #"{"ID":{"S":"42"},"count":{"N":"3"},"tags":{"SS":["a","b"]},"ok":{"BOOL":true},"info":{"M":{"k":{"L":[{"S":"x"},{"N":"1.5"}]}}}}"#
        let capacity = try box.aws(["dynamodb", "put-item", "--table-name", "Items", "--item", item, "--return-consumed-capacity", "TOTAL"])
        #expect(capacity.stdout == """
            {
                "ConsumedCapacity": {
                    "TableName": "Items",
                    "CapacityUnits": 1.0
                }
            }

            """)
        let old = try box.aws(["dynamodb", "put-item", "--table-name", "Items", "--item", #"{"ID":{"S":"42"},"count":{"N":"4"}}"#,
                               "--return-values", "ALL_OLD"])
        #expect(old.stdout == """
            {
                "Attributes": {
                    "ID": {
                        "S": "42"
                    },
                    "count": {
                        "N": "3"
                    },
                    "tags": {
                        "SS": [
                            "a",
                            "b"
                        ]
                    },
                    "ok": {
                        "BOOL": true
                    },
                    "info": {
                        "M": {
                            "k": {
                                "L": [
                                    {
                                        "S": "x"
                                    },
                                    {
                                        "N": "1.5"
                                    }
                                ]
                            }
                        }
                    }
                }
            }

            """)
    }

    @Test func scanEndsWithConsumedCapacityNull() throws {
        let box = try Self.itemsTable()
        let scan = try box.aws(["dynamodb", "scan", "--table-name", "Items"])
        #expect(scan.stdout == """
            {
                "Items": [
                    {
                        "ID": {
                            "S": "42"
                        },
                        "count": {
                            "N": "4"
                        }
                    },
                    {
                        "ID": {
                            "S": "4711"
                        },
                        "created": {
                            "S": "20240501-120000"
                        },
                        "metadata": {
                            "S": "{\\"Metadata\\":\\"Hello\\"}"
                        }
                    }
                ],
                "Count": 2,
                "ScannedCount": 2,
                "ConsumedCapacity": null
            }

            """)
        let paged = try box.aws(["dynamodb", "scan", "--table-name", "Items", "--page-size", "1"])
        #expect(paged.stdout == scan.stdout)
        let empty = try box.aws(["dynamodb", "scan", "--table-name", "Items", "--filter-expression", "ID = :v",
                                 "--expression-attribute-values", #"{":v":{"S":"nomatch"}}"#])
        #expect(empty.stdout == "{\n    \"Items\": [],\n    \"Count\": 0,\n    \"ScannedCount\": 2,\n    \"ConsumedCapacity\": null\n}\n")
    }

    @Test func getItemUnicodeAndMissing() throws {
        let box = try Self.itemsTable()
        _ = try box.aws(["dynamodb", "put-item", "--table-name", "Items", "--item", #"{"ID":{"S":"k1"},"note":{"S":"안녕 – \"quoted\" / slash"}}"#])
        try box.folder.write("key.json", #"{"ID":{"S":"k1"}}"#)
        let got = try box.aws(["dynamodb", "get-item", "--table-name", "Items", "--key", "file://key.json"])
        #expect(got.stdout == "{\n    \"Item\": {\n        \"ID\": {\n            \"S\": \"k1\"\n        },\n        \"note\": {\n            \"S\": \"안녕 – \\\"quoted\\\" / slash\"\n        }\n    }\n}\n")
        let missing = try box.aws(["dynamodb", "get-item", "--table-name", "Items", "--key", #"{"ID":{"S":"does-not-exist"}}"#])
        #expect(missing.exitCode == 0 && missing.stdout.isEmpty)
    }

    @Test func serviceErrorsAsTheCLIPrintsThem() throws {
        let box = try Self.itemsTable()
        let cases: [([String], String)] = [
            (["get-item", "--table-name", "NoSuchTable", "--key", #"{"ID":{"S":"1"}}"#],
             "An error occurred (ResourceNotFoundException) when calling the GetItem operation: Requested resource not found"),
            (["get-item", "--table-name", "Items", "--key", #"{"WrongKey":{"S":"1"}}"#],
             "An error occurred (ValidationException) when calling the GetItem operation: The provided key element does not match the schema"),
            (["put-item", "--table-name", "Items", "--item", #"{"created":{"S":"x"}}"#],
             "An error occurred (ValidationException) when calling the PutItem operation: One or more parameter values were invalid: Missing the key ID in the item"),
            (Array(Self.createTable.dropFirst()),
             "An error occurred (ResourceInUseException) when calling the CreateTable operation: Table already exists: Items"),
            (["scan", "--table-name", "NoSuchTable"],
             "An error occurred (ResourceNotFoundException) when calling the Scan operation: Requested resource not found"),
            (["describe-table", "--table-name", "NoSuchTable"],
             "An error occurred (ResourceNotFoundException) when calling the DescribeTable operation: Requested resource not found: Table: NoSuchTable not found"),
        ]
        for (arguments, line) in cases {
            let run = try box.aws(["dynamodb"] + arguments)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == "\n" + line + "\n")
            #expect(run.exitCode == 254)
        }
    }

    @Test func queryUpdateDeleteAndBatchCommands() throws {
        let box = try Self.itemsTable()
        let updated = try box.aws(["dynamodb", "update-item", "--table-name", "Items", "--key", "ID={S=42}",
                                   "--update-expression", "SET #c = #c + :one", "--expression-attribute-names", ##"{"#c":"count"}"##,
                                   "--expression-attribute-values", #"{":one":{"N":"1"}}"#, "--return-values", "UPDATED_NEW"])
        #expect(updated.stdout == "{\n    \"Attributes\": {\n        \"count\": {\n            \"N\": \"5\"\n        }\n    }\n}\n")
        let query = try box.aws(["dynamodb", "query", "--table-name", "Items", "--key-condition-expression", "ID = :id",
                                 "--expression-attribute-values", #"{":id":{"S":"42"}}"#, "--select", "COUNT"])
        #expect(query.stdout == "{\n    \"Count\": 1,\n    \"ScannedCount\": 1,\n    \"ConsumedCapacity\": null\n}\n")
        let both = ["dynamodb", "query", "--table-name", "Items", "--key-condition-expression", "ID = :id", "--consistent-read",
                    "--expression-attribute-values", #"{":id":{"S":"42"}}"#, "--return-consumed-capacity", "TOTAL", "--no-scan-index-forward"]
        let strong = try box.aws(both)
        #expect(strong.stdout.contains("\"CapacityUnits\": 1.0"))
        let batch = try box.aws(["dynamodb", "batch-write-item", "--request-items", #"{"Items":[{"DeleteRequest":{"Key":{"ID":{"S":"42"}}}}]}"#])
        #expect(batch.stdout == "{\n    \"UnprocessedItems\": {}\n}\n")
        let deleted = try box.aws(["dynamodb", "delete-item", "--table-name", "Items", "--key", #"{"ID":{"S":"4711"}}"#])
        #expect(deleted.exitCode == 0 && deleted.stdout.isEmpty)
        let tables = try box.aws(["dynamodb", "list-tables", "--output", "text"])
        #expect(tables.stdout == "TABLENAMES\tItems\n")
    }

    /// Real options the simulation does not model are refused by name (exit 2), never dropped.
    @Test(arguments: [
        (["create-table", "--global-secondary-indexes", "IndexName=i,KeySchema=[{AttributeName=b,KeyType=HASH}],Projection={ProjectionType=ALL}"],
         "aws dynamodb create-table --global-secondary-indexes is not simulated"),
        (["create-table", "--no-deletion-protection-enabled"], "aws dynamodb create-table --no-deletion-protection-enabled is not simulated"),
        (["scan", "--table-name", "Items", "--scan-filter", "{}"], "aws dynamodb scan --scan-filter is not simulated"),
        (["scan", "--table-name", "Items", "--max-items", "1"], "aws dynamodb scan --max-items is not simulated"),
        (["put-item", "--table-name", "Items", "--item", "ID={S=1}", "--expected", "{}"], "aws dynamodb put-item --expected is not simulated"),
    ])
    func unsimulatedOptionsSaySoByName(words: [String], message: String) throws {
        let box = try Sandbox(sample: false)
        let error = try #require(throws: WorkbookError.self) { try box.aws(["dynamodb"] + words) }
        #expect(error.what.en == message)
        #expect(error.exitCode == 2)
        let option = message.split(separator: " ")[3]
        #expect(error.fix?.en.hasPrefix("leave \(option) out; the simulated options are: --") == true)
    }
}

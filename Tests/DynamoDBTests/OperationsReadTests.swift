import DynamoDB
import SimKit
import Testing

/// Query and Scan: key order, key conditions, filters, projection, paging, COUNT.
@Suite struct OperationsReadTests {
    /// `PK` "p" with numeric sort keys -5, 1.5, 2, 10, 100 (put out of order) and one item in "q".
    static func numbers() throws -> DynamoSim {
        let sim = try DynamoSim()
        try sim.table("Events", sortType: "N")
        for sk in ["10", "-5", "2", "100", "1.5", "-10.25"] {
            try sim.put("Events", #"{"PK":{"S":"p"},"SK":{"N":"\#(sk)"},"even":{"BOOL":\#(sk.hasSuffix("0") || sk == "2")}}"#)
        }
        try sim.put("Events", #"{"PK":{"S":"q"},"SK":{"N":"1"}}"#)
        return sim
    }

    static func sortKeys(_ response: JSON) -> [String] {
        (response["Items"]?.arrayValue ?? []).compactMap { $0["SK"]?["N"]?.stringValue ?? $0["SK"]?["S"]?.stringValue }
    }

    @Test func queryOrdersNumbersByValue() throws {
        let sim = try Self.numbers()
        let query = #"{"TableName":"Events","KeyConditionExpression":"PK = :p","ExpressionAttributeValues":{":p":{"S":"p"}}}"#
        #expect(Self.sortKeys(try sim.ok("Query", query)) == ["-10.25", "-5", "1.5", "2", "10", "100"])
        let backwards = query.replacing(#"{"TableName""#, with: #"{"ScanIndexForward":false,"TableName""#)
        #expect(Self.sortKeys(try sim.ok("Query", backwards)) == ["100", "10", "2", "1.5", "-5", "-10.25"])
    }

    @Test func queryEachSortKeyCondition() throws {
        let sim = try Self.numbers()
        let cases: [(String, [String])] = [
            ("SK = :a", ["2"]), ("SK < :a", ["-10.25", "-5", "1.5"]), ("SK <= :a", ["-10.25", "-5", "1.5", "2"]),
            ("SK > :a", ["10", "100"]), ("SK >= :a", ["2", "10", "100"]), ("SK BETWEEN :b AND :a", ["-5", "1.5", "2"]),
        ]
        for (condition, expected) in cases {
            let response = try sim.ok("Query", """
                {"TableName":"Events","KeyConditionExpression":"PK = :p AND \(condition)",
                 "ExpressionAttributeValues":{":p":{"S":"p"},":a":{"N":"2"}\(condition.contains(":b") ? #",":b":{"N":"-5"}"# : "")}}
                """)
            #expect(Self.sortKeys(response) == expected, "\(condition)")
        }
    }

    @Test func queryBeginsWithOnStringsIsBytewise() throws {
        let sim = try DynamoSim()
        try sim.table("Docs", sortType: "S")
        for sk in ["b#2", "a#1", "B#0", "b#10", "é"] { try sim.put("Docs", #"{"PK":{"S":"p"},"SK":{"S":"\#(sk)"}}"#) }
        let all = try sim.ok("Query", #"{"TableName":"Docs","KeyConditionExpression":"PK = :p","ExpressionAttributeValues":{":p":{"S":"p"}}}"#)
        #expect(Self.sortKeys(all) == ["B#0", "a#1", "b#10", "b#2", "é"])
        let prefixed = try sim.ok("Query", """
            {"TableName":"Docs","KeyConditionExpression":"PK = :p AND begins_with(SK, :b)","ExpressionAttributeValues":{":p":{"S":"p"},":b":{"S":"b#"}}}
            """)
        #expect(Self.sortKeys(prefixed) == ["b#10", "b#2"])
    }

    @Test func queryFilterCountsScannedBeforeFiltering() throws {
        let sim = try Self.numbers()
        let response = try sim.ok("Query", """
            {"TableName":"Events","KeyConditionExpression":"PK = :p AND SK > :z","FilterExpression":"even = :t",
             "ExpressionAttributeValues":{":p":{"S":"p"},":z":{"N":"0"},":t":{"BOOL":true}},"ProjectionExpression":"SK"}
            """)
        #expect(response.text == #"{"Items":[{"SK":{"N":"2"}},{"SK":{"N":"10"}},{"SK":{"N":"100"}}],"Count":3,"ScannedCount":4}"#)
    }

    @Test func queryErrors() throws {
        let sim = try Self.numbers()
        #expect(try sim.fail("Query", #"{"TableName":"Events"}"#).message
            == "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")
        #expect(try sim.fail("Query", #"{"TableName":"Events","KeyConditionExpression":"SK = :a","ExpressionAttributeValues":{":a":{"N":"1"}}}"#).message
            == "Query condition missed key schema element: PK")
        #expect(try sim.fail("Query", #"{"TableName":"Events","KeyConditionExpression":"PK = :a","ExpressionAttributeValues":{":a":{"N":"1"}}}"#).message
            == "One or more parameter values were invalid: Condition parameter type does not match schema type")
        #expect(try sim.fail("Query", #"{"TableName":"Nope","KeyConditionExpression":"PK = :a","ExpressionAttributeValues":{":a":{"S":"1"}}}"#).message
            == "Requested resource not found")
    }

    @Test func scanPagesWithLimitAndExclusiveStartKey() throws {
        let sim = try Self.numbers()
        var start: JSON?
        var seen: [String] = []
        var pages = 0
        repeat {
            let startText = start.map { #","ExclusiveStartKey":\#($0.text)"# } ?? ""
            let page = try sim.ok("Scan", #"{"TableName":"Events","Limit":3\#(startText)}"#)
            seen += Self.sortKeys(page)
            start = page["LastEvaluatedKey"]
            pages += 1
        } while start != nil && pages < 10
        #expect(seen == ["-10.25", "-5", "1.5", "2", "10", "100", "1"])
        #expect(pages == 3)
        // DynamoDB does not look ahead: a page that reaches Limit has a LastEvaluatedKey even at the end.
        let full = try sim.ok("Scan", #"{"TableName":"Events","Limit":7}"#)
        let last = try #require(full["LastEvaluatedKey"])
        #expect(last.text == #"{"PK":{"S":"q"},"SK":{"N":"1"}}"#)
        #expect(try sim.ok("Scan", #"{"TableName":"Events","ExclusiveStartKey":\#(last.text)}"#).text == #"{"Items":[],"Count":0,"ScannedCount":0}"#)
    }

    @Test func scanSelectCountAndFilter() throws {
        let sim = try Self.numbers()
        let count = try sim.ok("Scan", #"{"TableName":"Events","Select":"COUNT","FilterExpression":"even = :t","ExpressionAttributeValues":{":t":{"BOOL":true}}}"#)
        #expect(count.text == #"{"Count":3,"ScannedCount":7}"#)
        let none = try sim.ok("Scan", #"{"TableName":"Events","FilterExpression":"PK = :v","ExpressionAttributeValues":{":v":{"S":"nomatch"}},"ReturnConsumedCapacity":"TOTAL"}"#)
        #expect(none["Items"] == [])
        #expect(none["ConsumedCapacity"] == ["TableName": "Events", "CapacityUnits": .double(0.5)])
        #expect(try sim.fail("Scan", #"{"TableName":"Events","Limit":0}"#).message
            == "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1")
        #expect(try sim.fail("Scan", #"{"TableName":"Events","ExclusiveStartKey":{"PK":{"S":"p"}}}"#).message
            == "The provided starting key is invalid: The provided key element does not match the schema")
    }

    @Test func parallelScanSegmentsPartitionTheTable() throws {
        let sim = try DynamoSim()
        try sim.table()
        for i in 0..<20 { try sim.put("Items", #"{"ID":{"S":"\#(i)"}}"#) }
        var seen: [String] = []
        for segment in 0..<3 {
            let page = try sim.ok("Scan", #"{"TableName":"Items","Segment":\#(segment),"TotalSegments":3}"#)
            seen += (page["Items"]?.arrayValue ?? []).compactMap { $0["ID"]?["S"]?.stringValue }
        }
        #expect(seen.sorted() == (0..<20).map(String.init).sorted())
        #expect(try sim.fail("Scan", #"{"TableName":"Items","Segment":3,"TotalSegments":3}"#).message
            == "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 3 is not less than TotalSegments: 3")
    }
}

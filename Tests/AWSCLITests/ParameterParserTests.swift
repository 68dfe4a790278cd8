import Foundation
import SimKit
import Testing

@testable import AWSCLI

/// JSON, shorthand and paramfile input, and the CLI's error texts.
struct ParameterParserTests {
    private static let shapes: [String: Shape] = [
        "attributeDefinitions": .list(.structure(["AttributeName": .string, "AttributeType": .string])),
        "throttle": .structure(["burstLimit": .integer, "rateLimit": .double]),
        "environment": .structure(["Variables": .map(.string)]),
        "apiStages": .list(.structure([
            "apiId": .string, "stage": .string,
            "throttle": .map(.structure(["burstLimit": .integer, "rateLimit": .double])),
        ])),
    ]
    private let parser = ParameterParser(currentDirectory: FileManager.default.temporaryDirectory.path)

    @Test(arguments: ParameterFixtures.shorthand.indices)
    func shorthandMatchesAwsCLI(index: Int) throws {
        let fixture = ParameterFixtures.shorthand[index]
        let shape = try #require(Self.shapes[fixture.shape])
        let parsed = try parser.parse(values: fixture.values, shape: shape, parameterName: "--x")
        #expect(parsed.serialized(.pythonInline) == fixture.result)
    }

    @Test(arguments: ParameterFixtures.jsonDecode.indices)
    func jsonErrorsMatchPython(index: Int) throws {
        let fixture = ParameterFixtures.jsonDecode[index]
        if fixture.result.hasPrefix("OK:") {
            #expect(try PythonJSON.loads(fixture.input).serialized(.pythonInline) == fixture.result.dropFirst(3))
        } else {
            #expect(throws: PythonJSON.DecodeError.self) { try PythonJSON.loads(fixture.input) }
            do { _ = try PythonJSON.loads(fixture.input) } catch { #expect(error.description == fixture.result) }
        }
    }

    /// cli-transcripts.md §2.2, with v2's exit code.
    @Test func invalidJSONParameterIsTheCLIsText() {
        let item = "{\"ID\":{\"S\":\"1\"}"
        let expected = CLIFailure(
            stderr: "\nError parsing parameter '--item': Invalid JSON: Expecting ',' delimiter: line 1 column 16 (char 15)\n"
                + "JSON received: {\"ID\":{\"S\":\"1\"}\n",
            exitCode: 252)
        #expect(throws: expected) { try parser.parse(item, shape: .map(.map(.string)), parameterName: "--item") }
    }

    @Test func trailingCommasGetPython313Messages() {
        #expect(throws: PythonJSON.DecodeError(message: "Illegal trailing comma before end of object", position: 7, line: 1, column: 8)) {
            try PythonJSON.loads("{\"a\": 1, }")
        }
        #expect(throws: PythonJSON.DecodeError(message: "Illegal trailing comma before end of array", position: 2, line: 1, column: 3)) {
            try PythonJSON.loads("[1,]")
        }
    }

    @Test func jsonKeepsKeyOrderAndTypes() throws {
        let value = try parser.parse("{\"b\": 1, \"a\": [true, null, 1.5]}", shape: .map(.string), parameterName: "--x")
        #expect(value == ["b": 1, "a": [true, nil, .double(1.5)]])
    }

    @Test func paramfileIsReadRelativeToTheCurrentDirectory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("awscli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{\"ID\": {\"S\": \"7\"}}".utf8).write(to: folder.appendingPathComponent("item.json"))
        let parser = ParameterParser(currentDirectory: folder.path)
        let value = try parser.parse("file://item.json", shape: .map(.map(.string)), parameterName: "--item")
        #expect(value == ["ID": ["S": "7"]])
        #expect(try parser.parse("fileb://item.json", shape: .blob, parameterName: "--payload")
            == .string(Data("{\"ID\": {\"S\": \"7\"}}".utf8).base64EncodedString()))
    }

    @Test func missingParamfileIsTheCLIsText() {
        let expected = CLIFailure(
            stderr: "\nError parsing parameter '--item': Unable to load paramfile file://x.json: "
                + "[Errno 2] No such file or directory: 'x.json'\n",
            exitCode: 252)
        #expect(throws: expected) { try parser.parse("file://x.json", shape: .map(.string), parameterName: "--item") }
    }

    @Test func shorthandSyntaxErrorPointsAtTheColumn() {
        let expected = CLIFailure.parameter("--throttle", "Expected: '=', received: 'EOF' for input:\nburstLimit\n          ^")
        #expect(throws: expected) { try parser.parse("burstLimit", shape: Self.shapes["throttle"] ?? .string, parameterName: "--throttle") }
    }

    @Test func duplicateShorthandKeyExplainsTheComma() {
        let expected = CLIFailure.parameter("--x", "Second instance of key \"a\" encountered for input:\na=b,a=c\n    ^\n"
            + "This is often because there is a preceding \",\" instead of a space.")
        #expect(throws: expected) { try parser.parse("a=b,a=c", shape: .map(.string), parameterName: "--x") }
    }

    @Test func badIntegerIsPythonsValueError() {
        #expect(throws: CLIFailure(stderr: "\ninvalid literal for int() with base 10: 'ten'\n", exitCode: 255)) {
            try parser.parse("burstLimit=ten", shape: Self.shapes["throttle"] ?? .string, parameterName: "--throttle")
        }
        #expect(throws: CLIFailure.general("invalid literal for int() with base 10: 'x'")) {
            try parser.parse("x", shape: .integer, parameterName: "--limit")
        }
    }

    @Test func scalarsAndListsOfScalars() throws {
        #expect(try parser.parse("42", shape: .integer, parameterName: "--limit") == 42)
        #expect(try parser.parse("Items", shape: .string, parameterName: "--table-name") == "Items")
        #expect(try parser.parse(values: ["a", "b"], shape: .list(.string), parameterName: "--x") == ["a", "b"])
        #expect(try parser.parse("[\"a\"]", shape: .list(.string), parameterName: "--x") == ["a"])
        #expect(try parser.parse("shutdown", shape: .structure(["Value": .string]), parameterName: "--x") == ["Value": "shutdown"])
    }

    @Test func blobsFollowCliBinaryFormat() throws {
        #expect(throws: CLIFailure.validation("Invalid base64: \"{\\\"a\\\":1}\"".replacingOccurrences(of: "\\\"", with: "\""))) {
            try parser.parse("{\"a\":1}", shape: .blob, parameterName: "--payload")
        }
        let raw = ParameterParser(currentDirectory: "/", binaryFormat: .rawInBase64Out)
        #expect(try raw.parse("{\"a\":1}", shape: .blob, parameterName: "--payload") == "eyJhIjoxfQ==")
    }
}

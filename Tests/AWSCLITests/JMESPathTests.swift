import SimKit
import Testing

@testable import AWSCLI

/// `--query`: results, syntax errors and runtime errors against Python jmespath's.
struct JMESPathTests {
    private static let document: JSON = (try? JSONParser.parse(JMESPathFixtures.document)) ?? .null

    @Test(arguments: JMESPathFixtures.searches.map(\.query))
    func searchMatchesPythonJMESPath(query: String) throws {
        let expected = try #require(JMESPathFixtures.searches.first { $0.query == query }).result
        let result = try JMESPath.compile(query).search(Self.document)
        #expect(result.serialized(.pythonInline) == expected)
    }

    @Test(arguments: JMESPathFixtures.syntaxErrors.map(\.query))
    func syntaxErrorMatchesPythonJMESPath(query: String) throws {
        let expected = try #require(JMESPathFixtures.syntaxErrors.first { $0.query == query }).message
        if let expected {
            #expect(throws: CLIFailure.badQuery(query, reason: expected)) { try JMESPath.compile(query) }
        } else {
            _ = try JMESPath.compile(query)
        }
    }

    @Test(arguments: JMESPathFixtures.runtimeErrors.map(\.query))
    func runtimeErrorMatchesPythonJMESPath(query: String) throws {
        let expected = try #require(JMESPathFixtures.runtimeErrors.first { $0.query == query }).message
        #expect(throws: CLIFailure.general(expected)) { try JMESPath.compile(query).search(Self.document) }
    }

    @Test func badQueryIsTheCLIsParamValidationText() {
        let failure = CLIFailure.badQuery("a =b", reason: "Bad jmespath expression: Unknown token '=':\na =b\n  ^")
        #expect(failure.exitCode == 252)
        #expect(failure.stderr == "\nBad value for --query a =b: Bad jmespath expression: Unknown token '=':\na =b\n  ^\n")
    }

    @Test(arguments: ["max_by(Items, &n)", "Items[*].to_number(n)", "map(&n, Items)", "avg(Items[*].n)"])
    func unsimulatedFunctionsAreRefusedByName(query: String) throws {
        do {
            _ = try JMESPath.compile(query)
            Issue.record("\(query) compiled")
        } catch let error as WorkbookError {
            #expect(error.exitCode == 2)
            #expect(error.what.en.hasPrefix("JMESPath function '"))
            #expect(error.what.en.hasSuffix("' is not simulated"))
        }
    }

    @Test func refusalNamesTheFunction() {
        #expect(throws: WorkbookError.self) { try CLIOutput.validate(OutputOptions(query: "max_by(Items, &n)")) }
        do {
            _ = try JMESPath.compile("max_by(Items, &n)")
        } catch let error as WorkbookError {
            #expect(error.what.en == "JMESPath function 'max_by' is not simulated")
            #expect(error.what.ko != nil)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func filtersCompareNumbersAcrossIntAndDoubleButNeverBooleans() throws {
        let data: JSON = ["xs": [1, .double(1), true, 0, false]]
        #expect(try JMESPath.compile("xs[?@ == `1`]").search(data) == [1, .double(1)])
        #expect(try JMESPath.compile("xs[?@ == `false`]").search(data) == [false])
        #expect(try JMESPath.compile("!xs[3]").search(data) == false)
    }

    @Test func objectsCompareRegardlessOfKeyOrder() throws {
        let data: JSON = ["a": ["x": 1, "y": 2]]
        #expect(try JMESPath.compile("a == `{\"y\": 2, \"x\": 1}`").search(data) == true)
    }
}

import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// A handler printing without end neither fills the workbook's memory nor hangs it: the output
    /// is drained all along, and past the per-invocation cap lines are dropped with one notice.
    @Suite struct OutputCapTests {
        @Test func endlessConsoleOutputIsCappedAndTheTimeoutStillEndsIt() async throws {
            // A small cap, so that even a starved machine prints past it before the timeout (a CI run
            // under full load printed only some 40 KB in its 10 s of real time).
            var settings = LambdaFixture.settings()
            settings.limits.logBytesPerInvocation = 16_384
            let began = ContinuousClock.now
            let result = try await LambdaFixture.invoke(settings: settings, [
                "index.js": "exports.handler = async () => { for (let i = 0; ; i++) console.log('line %d %s', i, 'x'.repeat(1000)); };",
            ], LambdaFixture.function(timeout: 2))
            print("output cap test: wall \(LambdaFixture.seconds(ContinuousClock.now - began)) s, \(result.logs.count) lines")
            #expect(try LambdaFixture.object(result)["errorType"] == "Sandbox.Timedout")
            let notice = ChildOutputLog.droppedNotice(limit: 16_384)
            #expect(notice.contains("16384 bytes"))
            let lines = LambdaFixture.messages(result)
            #expect(lines.filter { $0 == notice }.count == 1)
            let kept = lines.filter { $0.contains("\tINFO\tline ") }
            #expect(kept.count > 8)
            #expect(kept.reduce(0) { $0 + $1.utf8.count } <= 16_384)
            #expect(lines.last?.hasSuffix("\tStatus: timeout") == true)
        }

        @Test func theDefaultCapKeepsTheFirstMegabyteOfAnInvocation() async throws {
            let result = try await LambdaFixture.invoke([
                "index.js": "exports.handler = async () => { for (let i = 0; i < 200; i++) console.log('line %d %s', i, 'x'.repeat(16000)); return 'done'; };",
            ], LambdaFixture.function(timeout: 60))
            #expect(result.payloadText == #""done""#)
            let notice = ChildOutputLog.droppedNotice(limit: SandboxLimits.lambda.logBytesPerInvocation)
            #expect(notice.contains("1048576 bytes"))
            let lines = LambdaFixture.messages(result)
            #expect(lines.filter { $0 == notice }.count == 1)
            let kept = lines.filter { $0.contains("\tINFO\tline ") }
            #expect(kept.count == 65)
            #expect(kept.reduce(0) { $0 + $1.utf8.count } <= 1_048_576)
            #expect(lines.last?.hasPrefix("REPORT ") == true)
        }

        @Test func rawOutputWithoutNewlinesIsCutIntoBoundedLines() async throws {
            let result = try await LambdaFixture.invoke([
                "index.js": "exports.handler = async () => { const chunk = 'y'.repeat(65536); for (let i = 0; i < 32; i++) process.stdout.write(chunk); return 'done'; };",
            ], LambdaFixture.function(timeout: 60))
            #expect(result.payloadText == #""done""#)
            let lines = LambdaFixture.messages(result)
            let raw = lines.filter { $0.hasPrefix("yyyy") }.map(\.utf8.count)
            #expect(raw == [ChildOutputParser.maxEventBytes, ChildOutputParser.maxEventBytes, ChildOutputParser.maxEventBytes, ChildOutputParser.maxEventBytes])
            let noticed = lines.contains(ChildOutputLog.droppedNotice(limit: SandboxLimits.lambda.logBytesPerInvocation))
            #expect(noticed)
        }

        @Test func aHugeConsoleLineIsCutToOneLogEventsSize() async throws {
            let result = try await LambdaFixture.invoke([
                "index.js": "exports.handler = async () => { console.log('é'.repeat(200000)); return 1; };",
            ], LambdaFixture.function(timeout: 60))
            let line = try #require(LambdaFixture.messages(result).first { $0.contains("\tINFO\t") })
            let size = line.utf8.count
            #expect(size <= ChildOutputParser.maxEventBytes && size > ChildOutputParser.maxEventBytes - 2)
            let endsWhole = line.hasSuffix("é")
            #expect(endsWhole)
            #expect(result.payloadText == "1")
        }
    }
}

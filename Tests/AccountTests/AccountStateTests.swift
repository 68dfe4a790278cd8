import Account
import CloudFormation
import Foundation
import GRDB
import SimKit
import TestSupport
import Testing

/// The account as a whole: determinism, one transaction per action, persisted clock and ids.
@Suite struct AccountStateTests {
    func databasePath(_ sim: Sim) throws -> String { "\(try #require(sim.folder).path)/account.sqlite" }

    @Test func sameSeedAndDateGiveByteIdenticalDeploys() throws {
        let a = try Sim.standard(seed: 2026)
        let b = try Sim.standard(seed: 2026)
        let ra = try a.deploy(Fixtures.app())
        let rb = try b.deploy(Fixtures.app())
        #expect(ra.stack.stackId == rb.stack.stackId)
        #expect(try a.resources().map(\.physicalId) == b.resources().map(\.physicalId))
        #expect(ra.events == rb.events)
        #expect(ra.events.map(\.eventId) == rb.events.map(\.eventId))
        // Failures carry request ids and tokens from the same generator.
        let fa = try a.deploy(Fixtures.app(runtime: "nodejs12.x"), stack: "broken")
        let fb = try b.deploy(Fixtures.app(runtime: "nodejs12.x"), stack: "broken")
        #expect(fa.events == fb.events)
        #expect(try DatabaseDump.dump(databasePath(a)) == DatabaseDump.dump(databasePath(b)))
    }

    @Test func anotherSeedGivesOtherIds() throws {
        let a = try Sim.standard(seed: 1)
        let b = try Sim.standard(seed: 2)
        #expect(try a.deploy(Fixtures.app()).stack.stackId != b.deploy(Fixtures.app()).stack.stackId)
        #expect(try a.resources().map(\.physicalId) != b.resources().map(\.physicalId))
    }

    @Test func workbookErrorInsideAWriteLeavesTheDatabaseUnchanged() throws {
        let sim = try Sim.standard()
        _ = try sim.deploy(Fixtures.app())
        let path = try databasePath(sim)
        let before = try DatabaseDump.dump(path)
        let stateBefore = try sim.serviceState()

        // A new stack whose table is created first, then a role with an unsimulated AWS managed policy.
        let yaml = Fixtures.app().replacingOccurrences(of: "service-role/AWSLambdaBasicExecutionRole", with: "AmazonMadeUpAccess")
        let error = try #require(throws: WorkbookError.self) { try sim.deploy(yaml, stack: "other") }
        #expect(error.what.en == "managed policy arn:aws:iam::aws:policy/AmazonMadeUpAccess is not simulated")

        #expect(try DatabaseDump.dump(path) == before)
        #expect(try sim.serviceState() == stateBefore)
        #expect(try sim.stack("other") == nil)
        #expect(try sim.stack()?.status == "CREATE_COMPLETE")
    }

    @Test func workbookErrorDuringAnUpdateLeavesTheStackAsItWas() throws {
        let sim = try Sim.standard(onDisk: false)
        let first = try sim.deploy(Fixtures.app())
        let resources = try sim.resources()
        let v2 = Fixtures.app(functionExtra: "      MemorySize: 256")
            .replacingOccurrences(of: "service-role/AWSLambdaBasicExecutionRole", with: "AmazonMadeUpAccess")
        #expect(throws: WorkbookError.self) { try sim.deploy(v2) }
        let stack = try #require(try sim.stack())
        #expect(stack.status == "CREATE_COMPLETE")
        #expect(stack.outputs == first.stack.outputs)
        #expect(try sim.resources() == resources)
        let events = try sim.account.read { db in try sim.account.stacks.events(of: stack, in: db) }
        #expect(events == first.events)
    }

    @Test func clockAndIdCounterPersistWithEachWrite() throws {
        let folder = TempFolder("account-state")
        let date = TimeFormat.instant(year: 2026, month: 11, day: 25)
        let path = "\(folder.path)/.workbook/account.sqlite"
        try FileManager.default.createDirectory(atPath: "\(folder.path)/.workbook", withIntermediateDirectories: true)
        let drawn: UInt64
        do {
            let account = try Account.fresh(at: path, date: date, seed: 99)
            account.clock.advance(by: 5_000)
            _ = try account.write { _ in account.ids.uuid() }
            drawn = account.ids.drawn
            #expect(drawn == 2)
        }
        let reopened = try Account.open(folder: folder.path)
        #expect(reopened.now() == date + 5_000)
        #expect(reopened.ids.drawn == drawn)
        #expect(reopened.clock.mode == .deterministic)

        // The next id continues the sequence instead of repeating the first ones.
        let replay = IDGenerator(seed: 99)
        let firstTwo = [replay.nextUInt64(), replay.nextUInt64()]
        #expect(!firstTwo.contains(reopened.ids.nextUInt64()))
    }

    @Test func anyErrorThrownFromAWriteRollsBackWhatTheProviderDid() throws {
        let sim = try Sim.standard()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try sim.account.write { db in
                let request = ProvisionRequest(stackName: "app", logicalId: "Logs", type: "AWS::Logs::LogGroup", properties: ["LogGroupName": "never"])
                _ = try AccountProvisioner(account: sim.account, db: db).create(request)
                #expect(try sim.account.logGroups.get("never", in: db) != nil)
                throw Boom()
            }
        }
        #expect(try sim.serviceState().logGroups.isEmpty)
    }
}

import Foundation
import GRDB
import Testing
import TestSupport

/// `sam delete` (cli-transcripts §1.11) with and without prompts.
@Suite struct SAMDeleteTests {
    static let stack = "lambda-to-dynamodb"

    static func deployed() throws -> Sandbox { try Sandbox.deployed() }

    @Test func promptsAnsweredYesDeleteStackAndArtifacts() throws {
        let box = try Self.deployed()
        let run = try box.sam(["delete", "--stack-name", Self.stack], input: ["y", "y"])
        #expect(run.exitCode == 0)
        #expect(normalized(run.combined) == """
            \tAre you sure you want to delete the stack lambda-to-dynamodb in the region ap-northeast-2 ? [y/N]: y
            \tAre you sure you want to delete the folder lambda-to-dynamodb in S3 which contains the artifacts? [y/N]: y
            \t- Deleting S3 object with key lambda-to-dynamodb/<md5>
            \t- Deleting S3 object with key lambda-to-dynamodb/<md5>.template
            \t- Deleting Cloudformation stack lambda-to-dynamodb

            Deleted successfully

            """)
        #expect(try box.stackStatus(Self.stack) == nil)
        #expect(try box.count("s3_objects") == 0)
        #expect(try box.count("lambda_functions") == 0)
        #expect(try box.count("dynamodb_tables") == 0)
        #expect(try box.count("blobs") == 0)  // the code archive went with its last reference
    }

    /// The uploaded archive and the function's code are one stored copy, referenced twice.
    @Test func deployStoresTheCodeArchiveOnce() throws {
        let box = try Self.deployed()
        let sha = try #require(try box.functionColumn("code_sha256"))
        let (refs, objects, bodies) = try box.account.read { db in
            (try Int.fetchOne(db, sql: "SELECT refs FROM blobs WHERE sha256 = ?", arguments: [sha]),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM s3_objects WHERE blob_sha256 = ?", arguments: [sha]),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM blob_bodies WHERE sha256 = ?", arguments: [sha]))
        }
        #expect(refs == 2)
        #expect(objects == 1)
        #expect(bodies == 1)
    }

    @Test func answeringNoKeepsTheStack() throws {
        let box = try Self.deployed()
        let before = try box.dump()
        let run = try box.sam(["delete", "--stack-name", Self.stack], input: ["n"])
        #expect(run.exitCode == 0)
        #expect(run.stdout == "\tAre you sure you want to delete the stack lambda-to-dynamodb in the region ap-northeast-2 ? [y/N]: n\n")
        #expect(try box.dump() == before)
    }

    @Test func endOfInputAborts() throws {
        let box = try Self.deployed()
        let before = try box.dump()
        let run = try box.sam(["delete", "--stack-name", Self.stack])
        #expect(run.exitCode == 1)
        #expect(run.stdout == "\tAre you sure you want to delete the stack lambda-to-dynamodb in the region ap-northeast-2 ? [y/N]: ")
        #expect(run.stderr == "Aborted!\n")
        #expect(try box.dump() == before)
        #expect(try box.stackStatus(Self.stack) == "CREATE_COMPLETE")
    }

    @Test func stackThatDoesNotExist() throws {
        let box = try Sandbox()
        let run = try box.sam(["delete", "--stack-name", "nope", "--no-prompts"])
        #expect(run.exitCode == 0)
        #expect(run.stdout == "Error: The input stack nope does not exist on Cloudformation in the region ap-northeast-2\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func noPromptsWithoutStackNameIsAUsageError() throws {
        let box = try Sandbox()
        let run = try box.sam(["delete", "--no-prompts"])
        #expect(run.exitCode == 2)
        #expect(run.stderr == "Usage: sam delete [OPTIONS]\nTry 'sam delete -h' for help.\n\nError: Missing option '--stack-name'\n")
    }
}

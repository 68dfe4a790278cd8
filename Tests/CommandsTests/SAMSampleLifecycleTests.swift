import Commands
import Foundation
import SimKit
import Testing
import TestSupport

/// issue 3 "Must show": the sprint's 2023 sample from a refused build to a working stack.
@Suite struct SAMSampleLifecycleTests {
    static let stack = "lambda-to-dynamodb"

    @Test func buildRefusesNodejs12AsSAM1170Does() throws {
        let box = try Sandbox()
        let run = try box.sam(["build"])
        #expect(run.exitCode == 1)
        #expect(run.stdout == "\nBuild Failed\n")
        #expect(run.stderr == """
            Building codeuri: \(box.path)/src runtime: nodejs12.x architecture: x86_64 functions: LambdaPutDynamoDB
            \u{1B}[33mBuilding functions with nodejs12.x is no longer supported by AWS SAM CLI, please update to a newer supported runtime. For more information please check AWS Lambda Runtime Support Policy: https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html\u{1B}[0m
            Error: Building functions with nodejs12.x is no longer supported

            """)
        // Interleaved as a terminal shows it (§1.3): the warning, then "Build Failed", then the error.
        #expect(run.combined.hasSuffix("runtime-support-policy.html\u{1B}[0m\n\nBuild Failed\nError: Building functions with nodejs12.x is no longer supported\n"))
        #expect(!box.exists(".aws-sam/build"))
    }

    @Test func buildRefusesNodejs14WhateverTheDate() throws {
        let box = try Sandbox(date: TimeFormat.instant(year: 2023, month: 5, day: 10))
        try box.setRuntime("nodejs14.x")
        let run = try box.sam(["build"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.hasSuffix("Error: Building functions with nodejs14.x is no longer supported\n"))
        #expect(!box.exists(".aws-sam/build"))
    }

    @Test func unbuiltNodejs12DeployFailsThenIsRefusedUntilDeleted() throws {
        let box = try Sandbox()
        let failed = try box.sam(Sandbox.deployArguments)
        #expect(failed.exitCode == 1)
        #expect(failed.stdout.contains("""
            CREATE_FAILED            AWS::Lambda::Function    LambdaPutDynamoDB        Resource handler       
                                                                                       returned message: "The 
                                                                                       runtime parameter of   
                                                                                       nodejs12.x is no       
                                                                                       longer supported for   
                                                                                       creating or updating   
                                                                                       AWS Lambda functions.  
                                                                                       We recommend you use a 
                                                                                       supported runtime      
                                                                                       while creating or      
                                                                                       updating functions.    
                                                                                       (Service: Lambda,      
                                                                                       Status Code: 400,      
            """))
        #expect(failed.stdout.contains("(SDK     \n"))
        #expect(failed.stdout.contains("ROLLBACK_COMPLETE        AWS::CloudFormation::S   lambda-to-dynamodb       -"))
        #expect(failed.stdout.hasSuffix("-------------------------------------------------------------------------------------------------\n\n"))
        #expect(failed.stderr.hasSuffix("""
            Error: Failed to create/update the stack: lambda-to-dynamodb, Waiter StackCreateComplete failed: Waiter encountered a terminal failure state: For expression "Stacks[].StackStatus" we matched expected path: "ROLLBACK_COMPLETE" at least once

            """))
        #expect(try box.stackStatus(Self.stack) == "ROLLBACK_COMPLETE")
        #expect(try box.count("lambda_functions") == 0)
        #expect(try box.count("dynamodb_tables") == 0)
        #expect(try box.count("iam_roles") == 0)

        let refused = try box.sam(Sandbox.deployArguments)
        #expect(refused.exitCode == 1)
        let stackId = try #require(try box.account.read { db in try box.account.stacks.live(named: Self.stack, in: db)?.stackId })
        #expect(refused.stderr.hasSuffix("""
            Error: Failed to create changeset for the stack: lambda-to-dynamodb, An error occurred (ValidationError) when calling the CreateChangeSet operation: Stack:\(stackId) is in ROLLBACK_COMPLETE state and can not be updated.

            """))
        #expect(!refused.stdout.contains("CloudFormation stack changeset"))

        let deleted = try box.sam(["delete", "--stack-name", Self.stack, "--no-prompts"])
        #expect(deleted.exitCode == 0)
        #expect(deleted.stdout == "\t- Deleting Cloudformation stack lambda-to-dynamodb\n\nDeleted successfully\n")
        #expect(try box.stackStatus(Self.stack) == nil)
        #expect(try box.count("s3_objects") == 0)

        // Fixed runtime: build and deploy succeed, with the two outputs.
        try box.setRuntime("nodejs22.x")
        #expect(try box.sam(["build"]).exitCode == 0)
        let deployed = try box.sam(Sandbox.deployArguments)
        #expect(deployed.exitCode == 0, "\(deployed.stderr)")
        #expect(try box.stackStatus(Self.stack) == "CREATE_COMPLETE")
        let outputs = try #require(deployed.stdout.split(separator: "CloudFormation outputs from deployed stack\n").last)
        let lines = outputs.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == String(repeating: "-", count: 97))
        #expect(lines[1] == "Outputs" + String(repeating: " ", count: 89))
        #expect(lines[3] == "Key                 LambdFunction                                                               ")
        #expect(lines[4] == "Description         LambdaPutDynamoDB function  Arn                                             ")
        #expect(lines[5].wholeMatch(of: /Value               lambda-to-dynamodb-LambdaPutDynamoDB-[A-Za-z0-9]{12} {27}/) != nil, "\(lines[5])")
        #expect(lines[7] == "Key                 DynamoDbTable                                                               ")
        #expect(lines[8] == "Description         DynamoDb Table                                                              ")
        #expect(lines[9].wholeMatch(of: /Value               lambda-to-dynamodb-DynamoTable-[A-Z0-9]{13} {32}/) != nil, "\(lines[9])")
        #expect(deployed.stdout.hasSuffix("\nSuccessfully created/updated stack - lambda-to-dynamodb in ap-northeast-2\n\n"))
    }

    @Test func secondDeployHasNoChanges() throws {
        let box = try Sandbox()
        try box.setRuntime("nodejs22.x")
        #expect(try box.sam(["build"]).exitCode == 0)
        #expect(try box.sam(Sandbox.deployArguments).exitCode == 0)
        let before = try box.dump()

        let again = try box.sam(Sandbox.deployArguments)
        #expect(again.exitCode == 1)
        #expect(again.stderr.hasSuffix("\nError: No changes to deploy. Stack lambda-to-dynamodb is up to date\n"))
        #expect(again.stdout.hasSuffix("\n\nWaiting for changeset to be created..\n\n"))

        let quiet = try box.sam(Sandbox.deployArguments + ["--no-fail-on-empty-changeset"])
        #expect(quiet.exitCode == 0)
        #expect(quiet.stdout.hasSuffix("\n\nWaiting for changeset to be created..\n\nNo changes to deploy. Stack lambda-to-dynamodb is up to date\n"))
        #expect(!quiet.stderr.contains("Error: "))
        #expect(try box.dump() == before)
    }

    @Test func clockSetTo2023MakesNodejs14DeployableUnbuilt() throws {
        let box = try Sandbox()
        let set = try ClockCommand.set("2023-05-10", box.context())
        #expect(set == 0)
        #expect(TimeFormat.date(box.account.now()) == "2023-05-10")
        try box.setRuntime("nodejs14.x")
        let run = try box.sam(Sandbox.deployArguments)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\n2023-05-10 00:00:00 - Waiting for stack create/update to complete\n"))
        #expect(run.stdout.contains("CREATE_COMPLETE          AWS::Lambda::Function    LambdaPutDynamoDB        -"))
        #expect(try box.stackStatus(Self.stack) == "CREATE_COMPLETE")
        #expect(try box.functionColumn("runtime") == "nodejs14.x")
    }

    @Test func nodejs12FailsIn2023WithTheOlderMessage() throws {
        let box = try Sandbox()
        #expect(try ClockCommand.set("2023-05-10", box.context()) == 0)
        let run = try box.sam(Sandbox.deployArguments)
        #expect(run.exitCode == 1)
        let reason = try #require(try box.account.read { db in
            try String.fetchOne(db, sql: "SELECT reason FROM stack_events WHERE status = 'CREATE_FAILED'")
        })
        #expect(reason.hasPrefix("Resource handler returned message: \"The runtime parameter of nodejs12.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (nodejs18.x) while creating or updating functions. (Service: Lambda, Status Code: 400, Request ID: "), "\(reason)")
        #expect(!reason.contains("SDK Attempt Count"))
        #expect(reason.hasSuffix(", HandlerErrorCode: InvalidRequest)"))
        #expect(try box.stackStatus(Self.stack) == "ROLLBACK_COMPLETE")
    }
}

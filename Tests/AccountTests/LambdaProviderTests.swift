import Account
import CloudFormation
import Lambda
import SimKit
import Testing

/// AWS::Lambda::Function through the account's provider, on real SQLite.
@Suite struct LambdaProviderTests {
    static let current = "We recommend you use a supported runtime while creating or updating functions."

    func function(_ role: String, runtime: String = "nodejs22.x", name: String = "fn", extra: JSONObject = [:]) -> JSONObject {
        var p: JSONObject = [
            "FunctionName": .string(name), "Runtime": .string(runtime), "Handler": "index.handler", "Role": .string(role),
            "Code": ["ZipFile": "exports.handler = async () => 1;"],
        ]
        for (key, value) in extra { p[key] = value }
        return p
    }

    // MARK: Runtime lifecycle, judged on the virtual clock

    @Test func nodejs12BlockedFromMidnightOfItsCreateBlockDayWithTheOlderTextBefore2024() throws {
        let sim = try Sim.at(2023, 3, 30)
        let role = try sim.lambdaRole()
        sim.account.clock.set(to: TimeFormat.instant(year: 2023, month: 3, day: 30, hour: 23, minute: 59, second: 59))
        #expect(throws: Never.self) { try sim.create("AWS::Lambda::Function", function(role, runtime: "nodejs12.x", name: "early")).get() }
        sim.account.clock.set(to: TimeFormat.instant(year: 2023, month: 3, day: 31))
        let failure = try failureOf(try sim.create("AWS::Lambda::Function", function(role, runtime: "nodejs12.x", name: "late")))
        #expect(failure.message == "The runtime parameter of nodejs12.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (nodejs18.x) while creating or updating functions.")
        #expect(failure.service == "Lambda")
        #expect(failure.statusCode == 400)
        #expect(failure.handlerErrorCode == "InvalidRequest")
        #expect(try sim.serviceState().functions == ["early"])
    }

    @Test func nodejs12BlockedWithTheCurrentTextAfter2024() throws {
        let sim = try Sim.at(2024, 6, 1)
        let failure = try failureOf(try sim.create("AWS::Lambda::Function", function(try sim.lambdaRole(), runtime: "nodejs12.x")))
        #expect(failure.message == "The runtime parameter of nodejs12.x is no longer supported for creating or updating AWS Lambda functions. " + Self.current)
    }

    @Test func nodejs12UpdateStillAllowedBetweenCreateBlockAndUpdateBlock() throws {
        let sim = try Sim.at(2023, 3, 1)
        let role = try sim.lambdaRole()
        _ = try sim.create("AWS::Lambda::Function", function(role, runtime: "nodejs12.x")).get()
        sim.account.clock.set(to: TimeFormat.instant(year: 2023, month: 4, day: 15))
        #expect(throws: Never.self) { try sim.update("AWS::Lambda::Function", physicalId: "fn", function(role, runtime: "nodejs12.x")).get() }
        sim.account.clock.set(to: TimeFormat.instant(year: 2023, month: 4, day: 30))
        let failure = try failureOf(try sim.update("AWS::Lambda::Function", physicalId: "fn", function(role, runtime: "nodejs12.x")))
        #expect(failure.message.hasPrefix("The runtime parameter of nodejs12.x is no longer supported"))
    }

    @Test func nodejs14CreatableIn2023ButNotIn2026WhereUpdatesStillWork() throws {
        let early = try Sim.at(2023, 5, 10)
        #expect(throws: Never.self) { try early.create("AWS::Lambda::Function", function(try early.lambdaRole(), runtime: "nodejs14.x")).get() }

        let sim = try Sim.at(2026, 11, 1)
        let role = try sim.lambdaRole()
        let blocked = try failureOf(try sim.create("AWS::Lambda::Function", function(role, runtime: "nodejs14.x", name: "new14")))
        #expect(blocked.message == "The runtime parameter of nodejs14.x is no longer supported for creating or updating AWS Lambda functions. " + Self.current)
        _ = try sim.create("AWS::Lambda::Function", function(role, runtime: "nodejs22.x")).get()
        // Update-block for nodejs14.x is 2027-03-03: switching an existing function to it is still accepted.
        let updated = try sim.update("AWS::Lambda::Function", physicalId: "fn", function(role, runtime: "nodejs14.x")).get()
        #expect(updated.physicalId == "fn")
        let stored = try sim.account.read { db in try sim.account.functions.get("fn", in: db) }
        #expect(stored?.runtime == "nodejs14.x")
        sim.account.clock.set(to: TimeFormat.instant(year: 2027, month: 3, day: 3))
        let afterUpdateBlock = try failureOf(try sim.update("AWS::Lambda::Function", physicalId: "fn", function(role, runtime: "nodejs14.x")))
        #expect(afterUpdateBlock.message.hasSuffix(Self.current))
    }

    @Test func nodejs22IsFine() throws {
        let sim = try Sim.standard()
        let result = try sim.create("AWS::Lambda::Function", function(try sim.lambdaRole())).get()
        #expect(result.physicalId == "fn")
        #expect(result.attributes["Arn"] == "arn:aws:lambda:ap-northeast-2:123456789012:function:fn")
    }

    // MARK: Configuration limits

    @Test(arguments: [
        ("MemorySize", JSON.int(127), "Value '127' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128"),
        ("MemorySize", JSON.int(10241), "Value '10241' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240"),
        ("Timeout", JSON.int(0), "Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1"),
        ("Timeout", JSON.string("901"), "Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900"),
        ("Handler", JSON.string("index handler"), "Value 'index handler' at 'handler' failed to satisfy constraint: Member must satisfy regular expression pattern: [^\\s]+"),
    ])
    func outOfRangeValuesAreValidationErrors(key: String, value: JSON, expected: String) throws {
        let sim = try Sim.standard(onDisk: false)
        let failure = try failureOf(try sim.create("AWS::Lambda::Function", function(try sim.lambdaRole(), extra: [key: value])))
        #expect(failure.message == "1 validation error detected: " + expected)
        #expect(failure.statusCode == 400)
    }

    @Test func limitsAreInclusive() throws {
        let sim = try Sim.standard(onDisk: false)
        let role = try sim.lambdaRole()
        for (i, (memory, timeout)) in [(128, 1), (10240, 900)].enumerated() {
            let props = function(role, name: "fn\(i)", extra: ["MemorySize": .int(Int64(memory)), "Timeout": .int(Int64(timeout))])
            #expect(throws: Never.self) { try sim.create("AWS::Lambda::Function", props).get() }
        }
    }

    @Test func twoProblemsAreCountedInOneMessage() throws {
        let sim = try Sim.standard(onDisk: false)
        let failure = try failureOf(try sim.create("AWS::Lambda::Function",
                                                 function(try sim.lambdaRole(), extra: ["Timeout": 0, "MemorySize": 64])))
        #expect(failure.message.hasPrefix("2 validation errors detected: Value '0' at 'timeout'"))
        #expect(failure.message.contains("; Value '64' at 'memorySize'"))
    }

    @Test func unknownRuntimeListsTheEnum() throws {
        let sim = try Sim.standard(onDisk: false)
        let failure = try failureOf(try sim.create("AWS::Lambda::Function", function(try sim.lambdaRole(), runtime: "nodejs99.x")))
        #expect(failure.message.hasPrefix("1 validation error detected: Value 'nodejs99.x' at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: ["))
        #expect(failure.message.hasSuffix("] or be a valid ARN"))
        #expect(failure.message.contains("nodejs22.x"))
        #expect(failure.message.contains("python3.12"))
    }

    @Test func handlerIsRequiredForZipFunctions() throws {
        let sim = try Sim.standard(onDisk: false)
        var props = function(try sim.lambdaRole())
        props["Handler"] = nil
        #expect(try failureOf(try sim.create("AWS::Lambda::Function", props)).message == "Handler is required for Zip package type")
    }

    // MARK: Role

    @Test func roleMustExist() throws {
        let sim = try Sim.standard()
        let failure = try failureOf(try sim.create("AWS::Lambda::Function", function("arn:aws:iam::123456789012:role/nobody")))
        #expect(failure.message == "The role defined for the function cannot be assumed by Lambda.")
        #expect(failure.statusCode == 400)
        #expect(try sim.serviceState().functions.isEmpty)
    }

    @Test func roleMustTrustLambda() throws {
        let sim = try Sim.standard()
        let trust: JSON = ["Version": "2012-10-17",
                           "Statement": [["Effect": "Allow", "Principal": ["Service": "ec2.amazonaws.com"], "Action": "sts:AssumeRole"]]]
        let role = try sim.create("AWS::IAM::Role", "Ec2Role", ["RoleName": "ec2-role", "AssumeRolePolicyDocument": trust]).get()
        let arn = try #require(role.attributes["Arn"]?.stringValue)
        let failure = try failureOf(try sim.create("AWS::Lambda::Function", function(arn)))
        #expect(failure.message == "The role defined for the function cannot be assumed by Lambda.")
    }

    // MARK: Code

    @Test func codeComesFromTheObjectStoreAndCodeSha256HashesTheStoredArchive() throws {
        let sim = try Sim.standard()
        let archive = CodeArchive(files: [.init(path: "app.js", executable: false, bytes: Array("exports.handler = () => 2;".utf8))])
        _ = try sim.account.write { db in
            try sim.account.objects.put(bucket: "artifacts", key: "app/abc", body: archive.bytes, now: sim.account.now(), in: db)
        }
        var props = function(try sim.lambdaRole(), extra: ["Code": ["S3Bucket": "artifacts", "S3Key": "app/abc"]])
        props["Handler"] = "app.handler"
        _ = try sim.create("AWS::Lambda::Function", props).get()
        let (config, stored) = try sim.account.read { db in
            (try sim.account.functions.get("fn", in: db), try sim.account.functions.code("fn", in: db))
        }
        #expect(stored == archive)
        #expect(config?.codeSha256 == Base64.encode(Digest.sha256(archive.bytes)))
        #expect(config?.codeSize == archive.bytes.count)
    }

    @Test func missingObjectIsNoSuchKey() throws {
        let sim = try Sim.standard()
        let props = function(try sim.lambdaRole(), extra: ["Code": ["S3Bucket": "artifacts", "S3Key": "missing"]])
        let failure = try failureOf(try sim.create("AWS::Lambda::Function", props))
        #expect(failure.message == "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.")
        #expect(failure.service == "Lambda")
    }

    @Test func zipFileBecomesIndexJsOrIndexPy() throws {
        let sim = try Sim.standard(onDisk: false)
        let role = try sim.lambdaRole()
        _ = try sim.create("AWS::Lambda::Function", function(role)).get()
        _ = try sim.create("AWS::Lambda::Function", function(role, runtime: "python3.12", name: "py")).get()
        let (node, python) = try sim.account.read { db in
            (try sim.account.functions.code("fn", in: db), try sim.account.functions.code("py", in: db))
        }
        #expect(node?.files.map(\.path) == ["index.js"])
        #expect(node?.files.first?.bytes == Array("exports.handler = async () => 1;".utf8))
        #expect(python?.files.map(\.path) == ["index.py"])
        let config = try sim.account.read { db in try sim.account.functions.get("fn", in: db) }
        #expect(config?.codeSha256 == Base64.encode(Digest.sha256(try #require(node).bytes)))
    }

    @Test func generatedNameIsStackLogicalIdAnd12Alphanumerics() throws {
        let sim = try Sim.standard(onDisk: false)
        var props = function(try sim.lambdaRole())
        props["FunctionName"] = nil
        let result = try sim.create("AWS::Lambda::Function", "HelloWorldFunction", stack: "sam-app", props).get()
        #expect(result.physicalId.wholeMatch(of: /sam-app-HelloWorldFunction-[A-Za-z0-9]{12}/) != nil)
    }

    // MARK: FunctionConfiguration JSON

    /// `botocore.loaders.create_loader().load_service_model('lambda','service-2')['shapes']['FunctionConfiguration']['members']` (botocore 1.43.11).
    static let botocoreOrder = [
        "FunctionName", "FunctionArn", "Runtime", "Role", "Handler", "CodeSize", "Description", "Timeout", "MemorySize", "LastModified",
        "CodeSha256", "Version", "VpcConfig", "DeadLetterConfig", "Environment", "KMSKeyArn", "TracingConfig", "MasterArn", "RevisionId",
        "Layers", "State", "StateReason", "StateReasonCode", "LastUpdateStatus", "LastUpdateStatusReason", "LastUpdateStatusReasonCode",
        "FileSystemConfigs", "PackageType", "ImageConfigResponse", "SigningProfileVersionArn", "SigningJobArn", "Architectures",
        "EphemeralStorage", "SnapStart", "RuntimeVersionConfig", "LoggingConfig", "CapacityProviderConfig", "ConfigSha256",
        "DurableConfig", "TenancyConfig",
    ]

    @Test func configurationJSONFollowsBotocoreMemberOrder() throws {
        let sim = try Sim.standard()
        _ = try sim.create("AWS::Lambda::Function", function(try sim.lambdaRole(), extra: ["Environment": ["Variables": ["A": "1"]]])).get()
        let config = try #require(try sim.account.read { db in try sim.account.functions.get("fn", in: db) })
        let keys = try #require(config.json.objectValue?.keys)
        #expect(keys.allSatisfy(Self.botocoreOrder.contains))
        #expect(keys == Self.botocoreOrder.filter(keys.contains))
        #expect(keys.contains("Environment"))
        #expect(config.json["Timeout"] == 3)
        #expect(config.json["MemorySize"] == 128)
        #expect(config.json["Architectures"] == ["x86_64"])
        #expect(config.json["LastModified"] == "2026-11-25T00:00:00.000+0000")
    }
}

import Account
import CloudFormation
import GRDB
import IAM
import SimKit
import Testing

/// AWS::IAM::Role and AWS::IAM::Policy through the account's provider.
@Suite struct IAMProviderTests {
    static let readTable: JSON = [
        "Version": "2012-10-17",
        "Statement": [["Effect": "Allow", "Action": ["dynamodb:GetItem"], "Resource": "*"]],
    ]

    func role(_ extra: JSONObject = [:]) -> JSONObject {
        var p: JSONObject = ["AssumeRolePolicyDocument": Fixtures.lambdaTrust]
        for (key, value) in extra { p[key] = value }
        return p
    }

    @Test func roleWithInlineAndManagedPolicies() throws {
        let sim = try Sim.standard()
        let result = try sim.create("AWS::IAM::Role", "FnRole", role([
            "Policies": [["PolicyName": "read", "PolicyDocument": Self.readTable]],
            "ManagedPolicyArns": ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
        ])).get()
        #expect(result.physicalId.wholeMatch(of: /app-FnRole-[A-Za-z0-9]{12}/) != nil)
        #expect(result.attributes["Arn"] == .string("arn:aws:iam::123456789012:role/\(result.physicalId)"))
        #expect(result.attributes["RoleId"]?.stringValue?.wholeMatch(of: /AROA[A-Z0-9]{17}/) != nil)
        let stored = try #require(try sim.account.read { db in try sim.account.roles.get(result.physicalId, in: db) })
        #expect(stored.inlinePolicies.map(\.name) == ["read"])
        #expect(stored.managedPolicyArns == ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"])
        #expect(stored.assumeRolePolicy.allowsAssumeRole(byService: "lambda.amazonaws.com"))
    }

    @Test func unknownAWSManagedPolicyIsAWorkbookErrorNotAnAWSOutcome() throws {
        let sim = try Sim.standard()
        let props = role(["ManagedPolicyArns": ["arn:aws:iam::aws:policy/AmazonMadeUpAccess"]])
        let error = try #require(throws: WorkbookError.self) { try sim.create("AWS::IAM::Role", props) }
        #expect(error.what.en == "managed policy arn:aws:iam::aws:policy/AmazonMadeUpAccess is not simulated")
        #expect(try sim.serviceState().roles.isEmpty)
    }

    @Test func unknownCustomerPolicyIsNoSuchEntity() throws {
        let sim = try Sim.standard()
        let props = role(["ManagedPolicyArns": ["arn:aws:iam::123456789012:policy/Mine"]])
        let failure = try failureOf(try sim.create("AWS::IAM::Role", props))
        #expect(failure.message == "Policy arn:aws:iam::123456789012:policy/Mine does not exist or is not attachable.")
        #expect(failure.service == "Iam")
        #expect(failure.statusCode == 404)
        #expect(failure.handlerErrorCode == "NotFound")
    }

    /// A known AWS managed policy under the wrong path (lesson 02's likely slip: no
    /// `service-role/`) does not exist in AWS either: the role fails as IAM fails it, so the
    /// learner fixes the ARN instead of reading "not simulated".
    @Test func aKnownManagedPolicyUnderTheWrongPathIsNoSuchEntity() throws {
        let sim = try Sim.standard()
        let arn = "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole"
        let failure = try failureOf(try sim.create("AWS::IAM::Role", role(["ManagedPolicyArns": [.string(arn)]])))
        #expect(failure.message == "Policy \(arn) does not exist or is not attachable.")
        #expect(failure.statusCode == 404)
        #expect(try sim.serviceState().roles.isEmpty)
    }

    @Test func malformedInlinePolicyFailsTheRole() throws {
        let sim = try Sim.standard(onDisk: false)
        let noResource: JSON = ["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "dynamodb:GetItem"]]]
        let failure = try failureOf(try sim.create("AWS::IAM::Role", role(["Policies": [["PolicyName": "p", "PolicyDocument": noResource]]])))
        #expect(failure.message == "Policy statement must contain resources.")
        #expect(failure.service == "Iam")
        #expect(failure.statusCode == 400)
    }

    @Test func trustPolicyAsInvalidJSONText() throws {
        let sim = try Sim.standard(onDisk: false)
        let failure = try failureOf(try sim.create("AWS::IAM::Role", ["AssumeRolePolicyDocument": "{not json"]))
        #expect(failure.message == "This policy contains invalid Json")
        let inline = try failureOf(try sim.create("AWS::IAM::Role", role(["Policies": [["PolicyName": "p", "PolicyDocument": "{not json"]]])))
        #expect(inline.message == "Syntax errors in policy.")
    }

    @Test func trustPolicyAsJSONTextIsAccepted() throws {
        let sim = try Sim.standard(onDisk: false)
        let text = Fixtures.lambdaTrust.serialized()
        let result = try sim.create("AWS::IAM::Role", ["RoleName": "texty", "AssumeRolePolicyDocument": .string(text)]).get()
        #expect(result.physicalId == "texty")
    }

    @Test func namedRoleTwiceIsEntityAlreadyExists() throws {
        let sim = try Sim.standard(onDisk: false)
        _ = try sim.create("AWS::IAM::Role", role(["RoleName": "dup"])).get()
        let failure = try failureOf(try sim.create("AWS::IAM::Role", "Other", role(["RoleName": "dup"])))
        #expect(failure.message == "Role with name dup already exists.")
        #expect(failure.handlerErrorCode == "AlreadyExists")
    }

    @Test func policyResourcePutsAndRemovesInlinePolicies() throws {
        let sim = try Sim.standard()
        _ = try sim.create("AWS::IAM::Role", role(["RoleName": "r1"])).get()
        let props: JSONObject = ["PolicyName": "extra", "PolicyDocument": Self.readTable, "Roles": ["r1"]]
        let policy = try sim.create("AWS::IAM::Policy", "ExtraPolicy", props).get()
        #expect(policy.physicalId.wholeMatch(of: /app-ExtraPolicy-[A-Za-z0-9]{12}/) != nil)
        var stored = try sim.account.read { db in try sim.account.roles.get("r1", in: db) }
        #expect(stored?.inlinePolicies.map(\.name) == ["extra"])

        try sim.account.write { db in
            try AccountProvisioner(account: sim.account, db: db).delete(type: "AWS::IAM::Policy", physicalId: policy.physicalId, properties: props)
        }
        stored = try sim.account.read { db in try sim.account.roles.get("r1", in: db) }
        #expect(stored?.inlinePolicies.isEmpty == true)
    }

    @Test func policyOnAMissingRoleIsNoSuchEntity() throws {
        let sim = try Sim.standard(onDisk: false)
        let failure = try failureOf(try sim.create("AWS::IAM::Policy", ["PolicyName": "p", "PolicyDocument": Self.readTable, "Roles": ["ghost"]]))
        #expect(failure.message == "The role with name ghost cannot be found.")
        #expect(failure.statusCode == 404)
    }

    @Test func deletingARoleCascadesItsPolicies() throws {
        let sim = try Sim.standard()
        _ = try sim.create("AWS::IAM::Role", role(["RoleName": "gone", "Policies": [["PolicyName": "p", "PolicyDocument": Self.readTable]],
                                                   "ManagedPolicyArns": ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]])).get()
        try sim.account.write { db in
            try AccountProvisioner(account: sim.account, db: db).delete(type: "AWS::IAM::Role", physicalId: "gone", properties: [:])
        }
        let counts = try sim.account.read { db in
            try ["iam_roles", "iam_role_policies", "iam_role_managed_policies"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
            }
        }
        #expect(counts == [0, 0, 0])
    }
}

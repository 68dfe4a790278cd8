import SimKit

/// One statement of a function's resource policy, as AddPermission builds it.
///
/// Key order and principal forms follow Lambda's own answers: `Sid, Effect, Principal, Action,
/// Resource, Condition`, a service principal as `{"Service": …}`, an account id as
/// `{"AWS": "arn:aws:iam::<id>:root"}`, and `StringEquals` (AWS:SourceAccount) before `ArnLike`
/// (AWS:SourceArn) — botocore `data/lambda/2015-03-31/examples-1.json` (AddPermission and
/// GetPolicy examples) and the same texts in real CLI transcripts.
public enum PermissionStatement {
    /// The statement JSON.
    public static func make(sid: String, action: String, principal: String, resource: String,
                            sourceArn: String? = nil, sourceAccount: String? = nil) -> JSON {
        var statement: JSONObject = ["Sid": .string(sid), "Effect": "Allow", "Principal": self.principal(principal),
                                     "Action": .string(action), "Resource": .string(resource)]
        var condition = JSONObject()
        if let sourceAccount { condition["StringEquals"] = ["AWS:SourceAccount": .string(sourceAccount)] }
        if let sourceArn { condition["ArnLike"] = ["AWS:SourceArn": .string(sourceArn)] }
        if !condition.isEmpty { statement["Condition"] = .object(condition) }
        return .object(statement)
    }

    /// `*` stays `*`; an account id becomes its root ARN; other ARNs are AWS principals; the
    /// rest (`apigateway.amazonaws.com`) are service principals.
    static func principal(_ text: String) -> JSON {
        if text == "*" { return "*" }
        if LambdaNames.isAccountID(text) { return ["AWS": .string("arn:aws:iam::\(text):root")] }
        if text.hasPrefix("arn:") { return ["AWS": .string(text)] }
        return ["Service": .string(text)]
    }

    /// The statement id constraint of AddPermission (botocore `StatementId`: 1–100 characters
    /// of `[a-zA-Z0-9-_]`), with the JSON protocol's validation wording.
    public static func validate(sid: String) -> AWSError? {
        if sid.count <= 100, LambdaNames.isWord(sid) { return nil }
        return AWSError(code: "ValidationException",
                        message: "1 validation error detected: Value '\(sid)' at 'statementId' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)")
    }
}

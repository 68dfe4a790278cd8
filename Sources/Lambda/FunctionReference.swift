import Foundation
import SimKit

/// A function named the ways Lambda accepts (`FunctionName` of Invoke, GetFunction, …): a name
/// (`my-function`), a name with a qualifier (`my-function:$LATEST`), a partial ARN
/// (`123456789012:function:my-function`) or a full ARN, with or without a qualifier.
///
/// The colons are split structurally rather than by one regular expression, so a name can never
/// be mistaken for a region or an account.
public struct FunctionReference: Sendable, Equatable {
    public var name: String
    /// `$LATEST`, a version number or an alias name, when the reference or `--qualifier` gave one.
    public var qualifier: String?

    /// The pattern botocore's Lambda model gives for `NamespacedFunctionName`; Lambda's
    /// ValidationException quotes it.
    public static let namePattern =
        #"(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?"#

    /// Parses `text` for the function of this `region` and `account`.
    ///
    /// - Returns: the reference, or the ValidationException Lambda answers for a malformed name,
    ///   or ResourceNotFoundException for a well-formed ARN of another region or account (no
    ///   such function exists in this simulated account).
    public static func parse(_ text: String, qualifier explicit: String? = nil, region: String,
                             account: String) -> Result<FunctionReference, AWSError> {
        let invalid = AWSError(
            code: "ValidationException",
            message: "1 validation error detected: Value '\(text)' at 'functionName' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: \(namePattern)")
        guard !text.isEmpty, text.count <= 256 else { return .failure(invalid) }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var name: String
        var qualifier: String?
        var arnRegion = region
        var arnAccount = account
        switch parts.count {
        case 1: name = parts[0]
        case 2: (name, qualifier) = (parts[0], parts[1])
        case 3 where parts[1] == "function": (arnAccount, name) = (parts[0], parts[2])
        case 4 where parts[1] == "function": (arnAccount, name, qualifier) = (parts[0], parts[2], parts[3])
        case 7 where parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function":
            (arnRegion, arnAccount, name) = (parts[3], parts[4], parts[6])
        case 8 where parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function":
            (arnRegion, arnAccount, name, qualifier) = (parts[3], parts[4], parts[6], parts[7])
        default: return .failure(invalid)
        }
        guard isName(name), LambdaNames.isAccountID(arnAccount),
              qualifier.map(isQualifier) ?? true else { return .failure(invalid) }
        if let explicit, let qualifier, explicit != qualifier {
            // Lambda's wording when the ARN's qualifier and --qualifier disagree.
            return .failure(AWSError(code: "InvalidParameterValueException",
                                     message: "The derived qualifier from the function name does not match the specified qualifier."))
        }
        let reference = FunctionReference(name: name, qualifier: qualifier ?? explicit)
        guard arnRegion == region, arnAccount == account else {
            return .failure(AWSError(code: "ResourceNotFoundException",
                                     message: "Function not found: \(reference.arn(region: arnRegion, account: arnAccount))",
                                     httpStatus: 404))
        }
        return .success(reference)
    }

    /// The function's ARN, with the qualifier when there is one.
    public func arn(region: String, account: String) -> String {
        ARN.lambdaFunction(name, region: region, account: account).description + (qualifier.map { ":" + $0 } ?? "")
    }

    /// Whether the reference names `$LATEST` (no qualifier means `$LATEST`), the only version
    /// the simulation keeps: it models no published versions or aliases.
    public var isLatest: Bool { qualifier == nil || qualifier == "$LATEST" }

    private static func isName(_ s: String) -> Bool {
        s.count <= 140 && LambdaNames.isWord(s, allowingDot: true)
    }

    private static func isQualifier(_ s: String) -> Bool {
        s == "$LATEST" || s == "$LATEST.PUBLISHED" || LambdaNames.isWord(s)
    }
}

import SimKit

/// A policy document IAM would refuse, carrying IAM's own `MalformedPolicyDocument` message.
///
/// The `message` is what AWS answers byte for byte (an *outcome* a learner sees when
/// CloudFormation or `aws iam put-role-policy` rejects the document, so callers turn it into an
/// `AWSError` with `awsError`). `detail` says precisely which element is wrong, in the learner's
/// language, because IAM's own texts ("Syntax errors in policy.") rarely do.
///
/// Messages follow what IAM returns; the mapping from problem to message mirrors moto's validator,
/// which was written against the real service:
/// https://github.com/getmoto/moto/blob/master/moto/iam/policy_validation.py
/// Trust-policy messages ("Has prohibited field Resource", "Missing required field Principal",
/// "AssumeRole policy may only specify STS AssumeRole actions.") are the ones CreateRole returns,
/// as recorded in LocalStack's IAM provider and in many public error reports.
public struct MalformedPolicyDocument: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, as data (tests and traces match on this).
    public var problem: PolicyProblem

    public init(_ problem: PolicyProblem) { self.problem = problem }

    /// IAM's message, exactly as the service sends it.
    public var message: String { problem.awsMessage }
    /// Which element is wrong and how, in English and Korean.
    public var detail: LocalizedText { problem.detail }
    /// The error as IAM returns it (HTTP 400, code `MalformedPolicyDocument`).
    public var awsError: AWSError { AWSError(code: "MalformedPolicyDocument", message: message, httpStatus: 400) }

    public var description: String { "MalformedPolicyDocument: \(message) (\(detail.en))" }
}

/// One reason a policy document is malformed. Statement indexes are 0-based, as in the evaluator.
public enum PolicyProblem: Sendable, Hashable {
    case invalidJSON(kind: PolicyKind, reason: String)
    case notAnObject
    case unknownTopLevelElement(String)
    case unknownVersion(String)
    case missingStatement
    case statementNotObjectOrList
    case emptyStatementList
    case statementNotObject(statement: Int)
    case unknownStatementElement(String, statement: Int)
    case missingEffect(statement: Int)
    case invalidEffect(String, statement: Int)
    case conflictingElements(String, String, statement: Int)
    case notStringOrList(element: String, statement: Int)
    case sidNotString(statement: Int)
    case malformedCondition(statement: Int)
    case malformedPrincipal(statement: Int)
    case effectWrongCase(String, statement: Int)
    case duplicateSid(String)
    case missingActions(statement: Int)
    case missingResources(statement: Int)
    case resourceNotARN(String)
    case missingServicePrefix(String)
    case tooManyColons(String)
    case principalNotAllowed(statement: Int)
    case missingPrincipal(statement: Int)
    case prohibitedResource(element: String, statement: Int)
    case nonSTSAction(String)

    /// IAM's message text for this problem.
    public var awsMessage: String {
        switch self {
        case .invalidJSON(.trust, _): "This policy contains invalid Json"
        case .invalidJSON, .notAnObject, .unknownTopLevelElement, .unknownVersion, .missingStatement, .statementNotObjectOrList,
             .emptyStatementList, .statementNotObject, .unknownStatementElement, .missingEffect, .invalidEffect,
             .conflictingElements, .notStringOrList, .sidNotString, .malformedCondition, .malformedPrincipal:
            "Syntax errors in policy."
        case .effectWrongCase: "The policy failed legacy parsing"
        case .duplicateSid: "Statement IDs (SID) in a single policy must be unique."
        case .missingActions: "Policy statement must contain actions."
        case .missingResources: "Policy statement must contain resources."
        case .resourceNotARN(let resource): "Resource \(resource) must be in ARN format or \"*\"."
        case .missingServicePrefix: "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
        case .tooManyColons: "Actions/Condition can contain only one colon."
        case .principalNotAllowed: "Policy document should not specify a principal."
        case .missingPrincipal: "Missing required field Principal"
        case .prohibitedResource(let element, _): "Has prohibited field \(element)"
        case .nonSTSAction: "AssumeRole policy may only specify STS AssumeRole actions."
        }
    }

    /// The precise explanation shown next to IAM's message.
    public var detail: LocalizedText {
        switch self {
        case .invalidJSON(_, let reason):
            LocalizedText(en: "the policy text is not valid JSON: \(reason)", ko: "정책 텍스트가 올바른 JSON이 아닙니다: \(reason)")
        case .notAnObject:
            LocalizedText(en: "the policy document is not a JSON object", ko: "정책 문서가 JSON 객체가 아닙니다")
        case .unknownTopLevelElement(let key):
            LocalizedText(en: "unknown top-level element \"\(key)\" (allowed: Version, Id, Statement)",
                          ko: "알 수 없는 최상위 요소 \"\(key)\" (허용: Version, Id, Statement)")
        case .unknownVersion(let version):
            LocalizedText(en: "Version must be \"2012-10-17\", got \"\(version)\"",
                          ko: "Version은 \"2012-10-17\"이어야 하는데 \"\(version)\"입니다")
        case .missingStatement:
            LocalizedText(en: "the document has no Statement", ko: "문서에 Statement가 없습니다")
        case .statementNotObjectOrList:
            LocalizedText(en: "Statement must be an object or a list of objects",
                          ko: "Statement는 객체이거나 객체의 목록이어야 합니다")
        case .emptyStatementList:
            LocalizedText(en: "Statement is an empty list", ko: "Statement가 빈 목록입니다")
        case .statementNotObject(let index):
            LocalizedText(en: "statement \(index) is not a JSON object", ko: "문 \(index)이(가) JSON 객체가 아닙니다")
        case .unknownStatementElement(let key, let index):
            LocalizedText(en: "statement \(index) has an unknown element \"\(key)\"",
                          ko: "문 \(index)에 알 수 없는 요소 \"\(key)\"이(가) 있습니다")
        case .missingEffect(let index):
            LocalizedText(en: "statement \(index) has no Effect; add \"Effect\": \"Allow\" or \"Deny\"",
                          ko: "문 \(index)에 Effect가 없습니다. \"Effect\": \"Allow\" 또는 \"Deny\"를 추가하세요")
        case .invalidEffect(let value, let index):
            LocalizedText(en: "statement \(index) has Effect \"\(value)\"; it must be \"Allow\" or \"Deny\"",
                          ko: "문 \(index)의 Effect가 \"\(value)\"입니다. \"Allow\" 또는 \"Deny\"여야 합니다")
        case .conflictingElements(let first, let second, let index):
            LocalizedText(en: "statement \(index) has both \(first) and \(second); keep only one",
                          ko: "문 \(index)에 \(first)와(과) \(second)가 함께 있습니다. 하나만 남기세요")
        case .notStringOrList(let element, let index):
            LocalizedText(en: "\(element) in statement \(index) must be a string or a list of strings",
                          ko: "문 \(index)의 \(element)은(는) 문자열이나 문자열 목록이어야 합니다")
        case .sidNotString(let index):
            LocalizedText(en: "Sid in statement \(index) must be a string", ko: "문 \(index)의 Sid는 문자열이어야 합니다")
        case .malformedCondition(let index):
            LocalizedText(en: "Condition in statement \(index) must map operators to objects of keys",
                          ko: "문 \(index)의 Condition은 연산자마다 키 객체를 가져야 합니다")
        case .malformedPrincipal(let index):
            LocalizedText(en: "Principal in statement \(index) must be \"*\" or an object such as {\"Service\": \"lambda.amazonaws.com\"}",
                          ko: "문 \(index)의 Principal은 \"*\"이거나 {\"Service\": \"lambda.amazonaws.com\"} 같은 객체여야 합니다")
        default:
            detailForRules
        }
    }

    /// Details for problems found after the syntax pass (split only to keep `detail` short).
    private var detailForRules: LocalizedText {
        switch self {
        case .effectWrongCase(let value, let index):
            LocalizedText(en: "statement \(index) spells Effect \"\(value)\"; write \"Allow\" or \"Deny\" with a capital letter",
                          ko: "문 \(index)의 Effect가 \"\(value)\"입니다. 대문자로 시작하는 \"Allow\" 또는 \"Deny\"로 쓰세요")
        case .duplicateSid(let sid):
            LocalizedText(en: "two statements share the Sid \"\(sid)\"", ko: "두 문이 같은 Sid \"\(sid)\"을(를) 씁니다")
        case .missingActions(let index):
            LocalizedText(en: "statement \(index) has no Action or NotAction", ko: "문 \(index)에 Action이나 NotAction이 없습니다")
        case .missingResources(let index):
            LocalizedText(en: "statement \(index) has no Resource or NotResource",
                          ko: "문 \(index)에 Resource나 NotResource가 없습니다")
        case .resourceNotARN(let resource):
            LocalizedText(en: "resource \"\(resource)\" is neither an ARN nor \"*\"",
                          ko: "리소스 \"\(resource)\"은(는) ARN도 \"*\"도 아닙니다")
        case .missingServicePrefix(let action):
            LocalizedText(en: "action \"\(action)\" needs a service prefix, e.g. \"dynamodb:\(action)\"",
                          ko: "액션 \"\(action)\"에 서비스 접두사가 필요합니다 (예: \"dynamodb:\(action)\")")
        case .tooManyColons(let action):
            LocalizedText(en: "action \"\(action)\" has more than one colon", ko: "액션 \"\(action)\"에 콜론이 두 개 이상 있습니다")
        case .principalNotAllowed(let index):
            LocalizedText(en: "statement \(index) has a Principal, which only trust and resource policies may have",
                          ko: "문 \(index)에 Principal이 있습니다. Principal은 신뢰 정책과 리소스 정책에만 쓸 수 있습니다")
        case .missingPrincipal(let index):
            LocalizedText(en: "statement \(index) of this trust policy names no Principal",
                          ko: "이 신뢰 정책의 문 \(index)에 Principal이 없습니다")
        case .prohibitedResource(let element, let index):
            LocalizedText(en: "statement \(index) of a trust policy may not have \(element); the role itself is the resource",
                          ko: "신뢰 정책의 문 \(index)에는 \(element)을(를) 쓸 수 없습니다. 역할 자체가 리소스입니다")
        case .nonSTSAction(let action):
            LocalizedText(en: "a trust policy may list only sts: actions such as sts:AssumeRole, not \"\(action)\"",
                          ko: "신뢰 정책에는 sts:AssumeRole 같은 sts: 액션만 쓸 수 있습니다 (\"\(action)\"은(는) 안 됩니다)")
        default:
            LocalizedText(en: awsMessage)
        }
    }
}

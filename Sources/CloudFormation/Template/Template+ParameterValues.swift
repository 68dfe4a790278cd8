import Foundation
import SimKit

/// The value of each template parameter for one stack operation, after defaults and checks.
public struct ResolvedParameters: Sendable {
    /// One parameter's value.
    public struct Value: Sendable, Equatable {
        /// The parameter's name.
        public var name: String
        /// The value as given (`a,b` for a list).
        public var text: String
        /// Whether describe-stacks shows `****` instead.
        public var noEcho: Bool
        /// What `Ref` returns: a string, or a list of strings for list types.
        public var refValue: TemplateNode
    }

    /// In template order.
    public var values: [Value]

    /// Creates the set from `values`.
    public init(_ values: [Value] = []) { self.values = values }

    /// The value of `name`.
    public subscript(name: String) -> Value? { values.first { $0.name == name } }
}

extension Template {
    /// Checks `overrides` against `Parameters` and fills in defaults, answering CloudFormation's
    /// `ValidationError` for missing, unknown or out-of-range values.
    public func resolveParameters(_ overrides: [String: String]) throws(TemplateValidationError) -> ResolvedParameters {
        let declared = Set(parameters.map(\.name))
        let unknown = overrides.keys.filter { !declared.contains($0) }.sorted()
        // [V] "Parameters: [Foo] do not exist in the template" (Eucalyptus and real CreateStack answers).
        if !unknown.isEmpty { throw TemplateValidationError("Parameters: \(TemplateValidationError.list(unknown)) do not exist in the template", at: nil) }
        let missing = parameters.filter { overrides[$0.name] == nil && $0.defaultValue == nil }
        // [V] test_change_set_parameters: "Parameters: [Input] must have values"; several are joined by ", ".
        if let first = missing.first {
            throw TemplateValidationError("Parameters: \(TemplateValidationError.list(missing.map(\.name))) must have values", at: first.location)
        }
        var values: [ResolvedParameters.Value] = []
        for parameter in parameters {
            let given = overrides[parameter.name]
            let text = given ?? parameter.defaultValue?.value ?? ""
            try parameter.check(text, at: given == nil ? parameter.defaultValue?.location : parameter.location)
            values.append(.init(name: parameter.name, text: text, noEcho: parameter.noEcho, refValue: parameter.refValue(text)))
        }
        return ResolvedParameters(values)
    }
}

extension Template.Parameter {
    func refValue(_ text: String) -> TemplateNode {
        guard isList else { return .string(text, at: location) }
        let items = text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false)
        return .list(items.map { .string(String($0), at: location) }, at: location)
    }

    /// The checks CloudFormation makes on a value, in its order: number, AllowedValues, pattern,
    /// lengths, range.
    func check(_ text: String, at location: SourceLocation?) throws(TemplateValidationError) {
        let fail = { (what: String) in TemplateValidationError("Parameter '\(name)' \(what)", at: location) }
        let number = Double(text.trimmingCharacters(in: .whitespaces))
        // [V] test_change_set_parameters: "Parameter 'Value' must be a number."
        if isNumber, number == nil { throw fail("must be a number.") }
        // [V] real CreateStack answers: "Parameter 'Environment' must be one of AllowedValues".
        if let allowedValues, !allowedValues.contains(text) { throw fail("must be one of AllowedValues") }
        // [E] the pattern, length and range texts, without Eucalyptus's "Template error: " prefix that
        // AWS does not send for parameter values (see the two recorded texts above). [I]
        if let allowedPattern, !Self.matches(text, wholly: allowedPattern) { throw fail("must match pattern \(allowedPattern)") }
        if let minLength, let limit = Int(minLength), text.count < limit { throw fail("must contain at least \(minLength) characters") }
        if let maxLength, let limit = Int(maxLength), text.count > limit { throw fail("must contain at most \(maxLength) characters") }
        if let number, let minValue, let limit = Double(minValue), number < limit { throw fail("must be a number not less than \(minValue)") }
        if let number, let maxValue, let limit = Double(maxValue), number > limit { throw fail("must be a number not greater than \(maxValue)") }
    }

    /// Java's `String.matches`: the whole value must match. An invalid pattern matches nothing.
    static func matches(_ text: String, wholly pattern: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: "^(?:\(pattern))$") else { return false }
        let range = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, range: range) != nil
    }
}

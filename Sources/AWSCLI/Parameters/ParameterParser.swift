import Foundation
import SimKit

/// How blob parameters given as text are read (`--cli-binary-format`, v2 only).
public enum BinaryFormat: String, Sendable {
    /// v2's default: the text is base64 and is sent as the bytes it decodes to.
    case base64
    /// `raw-in-base64-out`: the text itself is the bytes.
    case rawInBase64Out = "raw-in-base64-out"
}

/// Turns one command-line parameter into the `JSON` a service receives, the way the aws CLI
/// reads its three input forms: JSON, shorthand (`Key=Value,…`) and `file://`/`fileb://`.
///
/// Failures are `CLIFailure`s carrying the CLI's exact stderr text: bad JSON, shorthand or
/// paramfiles give `Error parsing parameter '--x': …` (exit 252); a number that does not
/// parse gives Python's `invalid literal for int()…` (exit 255), as the real CLI does.
public struct ParameterParser: Sendable {
    /// Relative paramfile paths are resolved against this folder.
    public var currentDirectory: String
    /// For `~` and `$VAR` in paramfile paths.
    public var environment: [String: String]
    /// `--cli-binary-format`.
    public var binaryFormat: BinaryFormat

    /// A parser for commands run in `currentDirectory`.
    public init(currentDirectory: String, environment: [String: String] = [:], binaryFormat: BinaryFormat = .base64) {
        self.currentDirectory = currentDirectory
        self.environment = environment
        self.binaryFormat = binaryFormat
    }

    /// One value, e.g. `--item '{"ID":{"S":"1"}}'` or `--throttle burstLimit=10,rateLimit=5`.
    public func parse(_ text: String, shape: Shape, parameterName: String) throws -> JSON {
        try parse(values: [text], shape: shape, parameterName: parameterName)
    }

    /// All words given to one parameter: list parameters take several
    /// (`--attribute-definitions AttributeName=ID,AttributeType=S AttributeName=N,AttributeType=N`).
    public func parse(values: [String], shape: Shape, parameterName: String) throws -> JSON {
        var values = values
        var bytes: [UInt8]?
        if values.count == 1 {
            switch try loadParamfile(values[0], parameterName) {
            case .text(let text)?: values = [text]
            case .bytes(let data)?:
                bytes = data
                values = [String(decoding: data, as: UTF8.self)]
            case nil: break
            }
        }
        if case .blob = shape { return try blob(values.first ?? "", bytes: bytes) }
        if shape.acceptsShorthand, let first = values.first, !Self.looksLikeJSON(first) {
            return try shorthand(values, shape: shape, parameterName: parameterName)
        }
        return try unpack(values, shape: shape, parameterName: parameterName)
    }

    private static func looksLikeJSON(_ text: String) -> Bool {
        let trimmed = text.drop { $0.isWhitespace }
        return trimmed.hasPrefix("[") || trimmed.hasPrefix("{")
    }

    private func loadParamfile(_ value: String, _ parameterName: String) throws -> ParamFile.Content? {
        do {
            return try ParamFile.load(value, currentDirectory: currentDirectory, environment: environment)
        } catch {
            throw CLIFailure.parameter(parameterName, error.message)
        }
    }

    /// `ParamShorthandParser._parse_as_shorthand`, special cases included.
    private func shorthand(_ values: [String], shape: Shape, parameterName: String) throws -> JSON {
        if case .structure(let members) = shape, members.count == 1, members[0].name == "Value",
           members[0].shape == .string, let value = values.first, !value.contains("=") {
            return ["Value": .string(value)]
        }
        let load: (String) throws -> String? = { value in
            switch try self.loadParamfile(value, parameterName) {
            case .text(let text)?: text
            case .bytes(let data)?: String(decoding: data, as: UTF8.self)
            case nil: nil
            }
        }
        do {
            if case .list = shape {
                let parsed = try values.map { JSON.object(try ShorthandParser.parse($0, loadFile: load)) }
                return try ShorthandCoercion.coerce(.array(parsed), shape)
            }
            let parsed = try ShorthandParser.parse(values.first ?? "", loadFile: load)
            return try ShorthandCoercion.coerce(.object(parsed), shape)
        } catch let failure as ShorthandParser.Failure {
            throw CLIFailure.parameter(parameterName, failure.message)
        }
    }

    /// `_unpack_cli_arg` for JSON text, lists of scalars and plain scalars.
    private func unpack(_ values: [String], shape: Shape, parameterName: String) throws -> JSON {
        let text = values.first ?? ""
        switch shape {
        case .structure, .map:
            guard Self.looksLikeJSON(text) else { throw CLIFailure.parameter(parameterName, "Invalid JSON:\n\(text)") }
            return try json(text, parameterName)
        case .list(let member):
            if values.count == 1, Self.looksLikeJSON(text), text.drop(while: \.isWhitespace).hasPrefix("[") {
                return try json(text, parameterName)
            }
            return .array(try values.map { try unpack([$0], shape: member, parameterName: parameterName) })
        default:
            return try ShorthandCoercion.scalar(.string(text), shape)
        }
    }

    private func json(_ text: String, _ parameterName: String) throws -> JSON {
        do {
            return try PythonJSON.loads(text)
        } catch {
            throw CLIFailure.parameter(parameterName, "Invalid JSON: \(error)\nJSON received: \(text)")
        }
    }

    /// Blob input as base64 text, whatever form it was given in.
    private func blob(_ text: String, bytes: [UInt8]?) throws -> JSON {
        if let bytes { return .string(Data(bytes).base64EncodedString()) }
        switch binaryFormat {
        case .rawInBase64Out:
            return .string(Data(text.utf8).base64EncodedString())
        case .base64:
            // awscli/customizations/binaryformat.py rejects text that is not valid base64.
            guard Data(base64Encoded: text) != nil else { throw CLIFailure.validation("Invalid base64: \"\(text)\"") }
            return .string(text)
        }
    }
}

import Foundation
import SimKit

/// Where `sam package` would have put a function's local code folder.
///
/// The translator itself only accepts `s3://bucket/key` (or `{Bucket, Key}`) in `CodeUri`; the SAM
/// CLI zips a local folder, uploads it and rewrites `CodeUri` before the transform runs. We do the
/// same in one step: the transform asks this value for the S3 location and reports the folder in
/// `SAMTransformResult.localCode`, so the deployer can copy the code from there.
public struct SAMPackaging: Sendable {
    /// The artifact bucket (`sam deploy --s3-bucket` / `--resolve-s3`).
    public var bucket: String
    /// The object key for a function's folder, given its logical id and `CodeUri` as written.
    public var key: @Sendable (_ logicalId: String, _ codeUri: String) -> String

    /// - Parameters:
    ///   - bucket: the artifact bucket.
    ///   - key: the object key for a function's local folder.
    public init(bucket: String, key: @escaping @Sendable (_ logicalId: String, _ codeUri: String) -> String) {
        self.bucket = bucket
        self.key = key
    }

    /// The default: bucket `workbook-sam-artifacts`, key = the function's logical id. Stable, so two
    /// transforms of the same template are equal. (The real SAM CLI uses the MD5 of the zip as key.)
    public static let workbook = SAMPackaging(bucket: "workbook-sam-artifacts", key: { logicalId, _ in logicalId })
}

/// A function whose code is a local folder: what the deployer needs to find and upload it.
public struct SAMLocalCode: Sendable, Equatable {
    /// The generated `AWS::Lambda::Function`'s logical id.
    public var logicalId: String
    /// `CodeUri` as written (relative to the template's folder, e.g. `src/`).
    public var codeUri: String
    /// The bucket written into `Code.S3Bucket`.
    public var s3Bucket: String
    /// The key written into `Code.S3Key`.
    public var s3Key: String
    /// Where `CodeUri` was written.
    public var location: SourceLocation?
}

/// What the transform produced.
public struct SAMTransformResult: Sendable {
    /// The plain CloudFormation template.
    public var template: TemplateNode
    /// Functions whose code is a local folder, in resource order.
    public var localCode: [SAMLocalCode]
}

/// Lambda `Code` from `CodeUri` / `InlineCode` (`_construct_code_dict`, `construct_s3_location_object`).
enum SAMCode {
    /// The `Code` value, and the local folder when there is one.
    static func code(logicalId: String, properties: TemplateMap, packaging: SAMPackaging)
        -> Result<(TemplateNode, SAMLocalCode?), SAMTransformError>
    {
        if let inline = properties.present("InlineCode") {
            return .success((.object([("ZipFile", inline)]), nil))
        }
        guard let uri = properties.present("CodeUri") else {
            return .failure(SAMTransformError(.resource(logicalId, SAMReason.noCode, at: nil)))
        }
        let location = properties.location(of: "CodeUri")
        let fail = { (reason: String) in
            Result<(TemplateNode, SAMLocalCode?), SAMTransformError>.failure(SAMTransformError(.resource(logicalId, reason, at: location)))
        }
        switch uri.value {
        case .map(let pointer):
            guard let bucket = pointer.present("Bucket"), bucket.isTruthy,
                  let key = pointer.present("Key"), key.isTruthy else { return fail(SAMReason.codeUriBucketKey) }
            var code = TemplateMap()
            code["S3Bucket"] = bucket
            code["S3Key"] = key
            if let version = pointer["Version"] { code["S3ObjectVersion"] = version }
            return .success((.map(code, at: uri.location), nil))
        case .string(let text) where text.hasPrefix("s3://"):
            guard let pointer = parseS3(text) else { return fail(SAMReason.codeUriNotS3) }
            var entries: [(String, TemplateNode)] = [("S3Bucket", .string(pointer.bucket)), ("S3Key", .string(pointer.key))]
            if let version = pointer.version { entries.append(("S3ObjectVersion", .string(version))) }
            return .success((.object(entries, at: uri.location), nil))
        case .string(let folder):
            let local = SAMLocalCode(logicalId: logicalId, codeUri: folder, s3Bucket: packaging.bucket,
                                     s3Key: packaging.key(logicalId, folder), location: location)
            let code = TemplateNode.object([("S3Bucket", .string(local.s3Bucket)), ("S3Key", .string(local.s3Key))], at: uri.location)
            return .success((code, local))
        default:
            return fail(SAMReason.codeUriType)
        }
    }

    /// `parse_s3_uri`: `s3://bucket/key?versionId=v` (Python's `urlparse` + `parse_qs`, simplified).
    static func parseS3(_ uri: String) -> (bucket: String, key: String, version: String?)? {
        var rest = Substring(uri.dropFirst("s3://".count))
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/"), slash != rest.startIndex else { return nil }
        let path = rest[slash...]
        guard path.count > 0 else { return nil }
        let key = String(path.drop(while: { $0 == "/" }))
        let versions = query.split(separator: "&").compactMap { pair -> String? in
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0] == "versionId", !parts[1].isEmpty else { return nil }
            return String(parts[1]).removingPercentEncoding ?? String(parts[1])
        }
        return (String(rest[..<slash]), key, versions.count == 1 ? versions[0] : nil)
    }
}

import Account
import AWSCLI
import Foundation
import GRDB
import Lambda
import SimKit

/// `update-function-code` and GetFunction's code location.
extension LambdaService {
    var updateCode: AWSOperation {
        AWSOperation(cliName: "update-function-code", apiName: "UpdateFunctionCode", parameters: [
            Self.functionName, P("--zip-file", "ZipFile", .blob), P("--s3-bucket", "S3Bucket"), P("--s3-key", "S3Key"), Self.revisionId,
        ], unsimulated: ["--s3-object-version", "--image-uri", "--publish", "--dry-run", "--architectures", "--source-kms-key-arn",
                         "--publish-to"]) { request, context in
            let account = try context.account()
            let reference: FunctionReference
            switch Self.reference(request, account) {
            case .failure(let error): return .failure(error)
            case .success(let found): reference = found
            }
            return try account.write { db -> Result<FunctionConfiguration, AWSError> in
                if let problem = try Self.revisionProblem(request, reference.name, account, db) { return .failure(problem) }
                let code: FunctionStore.Code
                switch try Self.code(request, account, db) {
                case .failure(let error): return .failure(error)
                case .success(let found): code = found
                }
                return try account.functions.updateCode(reference.name, code: code, now: account.now(), ids: account.ids, in: db)
            }.map { $0.json(lastUpdate: .inProgress) }
        }
    }

    /// The new code: the uploaded zip kept as it is (so CodeSha256 and CodeSize are the zip's,
    /// as on AWS), or an object of the account's S3 (SAM's uploaded archives, or a zip).
    ///
    /// Texts: `Could not unzip uploaded file…` and the S3 GetObject wording are Lambda's (the
    /// same CloudFormation shows for a bad `Code`); the two source-count texts are Lambda's as
    /// commonly reported, not checked against AWS here.
    static func code(_ request: JSONObject, _ account: Account, _ db: Database) throws -> Result<FunctionStore.Code, AWSError> {
        let zip = request["ZipFile"]?.stringValue
        let bucket = request["S3Bucket"]?.stringValue, key = request["S3Key"]?.stringValue
        if zip != nil, bucket != nil || key != nil {
            return .failure(invalid("Please do not provide other FunctionCode parameters when providing a ZipFile."))
        }
        if let zip {
            let bytes = [UInt8](Data(base64Encoded: zip) ?? Data())
            guard CodeArchive(zip: bytes) != nil else { return .failure(unzipFailed) }
            return .success(.archive(bytes))
        }
        guard let bucket, let key else { return .failure(invalid("Please provide a source for function code.")) }
        guard let blob = try account.objects.blob(bucket: bucket, key: key, in: db), let body = try BlobStore().bytes(blob.sha256, in: db) else {
            return .failure(invalid("Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist."))
        }
        let readable = CodeArchive.isZip(body) ? CodeArchive(zip: body) != nil : CodeArchive.isArchive(body)
        return readable ? .success(.stored(blob)) : .failure(unzipFailed)
    }

    static let unzipFailed = invalid("Could not unzip uploaded file. Please check your file, then try to upload again.")

    static func invalid(_ message: String) -> AWSError {
        AWSError(code: "InvalidParameterValueException", message: message, httpStatus: 400)
    }

    /// GetFunction's `Code.Location`: the shape of Lambda's presigned S3 URL (bucket
    /// `awslambda-<region>-tasks`, `snapshots/<account>/<name>-<uuid>`, SigV4 query, 10 minutes),
    /// derived from the code's digest and the clock so it is deterministic. It is **not
    /// fetchable**: the simulation serves no S3 endpoint, and the signature signs nothing.
    static func codeLocation(_ config: FunctionConfiguration, _ account: Account) -> String {
        let seed = Digest.hex(Digest.sha256(Array("\(config.arn)|\(config.codeSha256)".utf8)))
        let c = Array(seed)
        let uuid = [String(c[0..<8]), String(c[8..<12]), String(c[12..<16]), String(c[16..<20]), String(c[20..<32])].joined(separator: "-")
        let f = TimeFormat.fields(account.now())
        func p(_ n: Int, _ width: Int = 2) -> String { String(n).leftPadded(to: width) }
        let day = "\(p(f.year, 4))\(p(f.month))\(p(f.day))"
        let stamp = "\(day)T\(p(f.hour))\(p(f.minute))\(p(f.second))Z"
        let region = account.region
        let query = "versionId=\(String(c[32..<64]))&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=\(stamp)&X-Amz-SignedHeaders=host"
            + "&X-Amz-Expires=600&X-Amz-Credential=ASIAWORKBOOKSIMULATE%2F\(day)%2F\(region)%2Fs3%2Faws4_request"
            + "&X-Amz-Signature=" + Digest.hex(Digest.sha256(Array("\(seed)|\(stamp)".utf8)))
        return "https://awslambda-\(region)-tasks.s3.\(region).amazonaws.com/snapshots/\(account.accountId)/\(config.name)-\(uuid)?\(query)"
    }
}
